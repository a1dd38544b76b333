// State of one attempt at an upstream: the URL is set once the upstream is chosen.
export class Attempt {
  private target = '';
  readonly startedAt = Date.now();

  get url(): string {
    return this.target;
  }

  set url(value: string) {
    this.target = value;
  }
}
