// Endpoints of the gateway's own status service: one route shares a model API's path, the one fetched does not.
const statusRoutes = {
  completions: '/v1/chat/completions',
  health: '/v1/health',
};

export async function health(base: string) {
  return fetch(`${base}${statusRoutes.health}`);
}
