// A project class whose methods make no model call: calls on its instances are look-alikes.
export class Transcript {
  private readonly lines: string[] = [];

  run(line: string): void {
    this.lines.push(line);
  }

  render(): string {
    return this.lines.join('\n');
  }
}
