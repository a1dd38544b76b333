// A data store: nothing here talks to a model.
export const db = {
  tickets: { findOne: async (id: string) => ({ id, text: '' }) },
  users: { findOne: async (id: string) => ({ id, name: '' }) },
};
