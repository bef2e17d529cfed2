/** The domain services commands call. Built once per bot by createBot. */
export interface Services {}

export async function createServices(): Promise<Services> {
  return {};
}
