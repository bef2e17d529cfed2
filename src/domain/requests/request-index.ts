import type { InterviewRequest } from "./request.js";

/** Requests by id. A stored request is replaced, never changed, so each map holds the current one. */
type ById = Map<string, InterviewRequest>;

/**
 * The loaded guilds' requests in memory, by id, by guild, by seeker and by librarian, so limits and searches
 * never scan the store. A request's guild and people never change; only the record does.
 */
export class RequestIndex {
  readonly #byId: ById = new Map();
  readonly #byGuild = new Map<string, ById>();
  /** By guild, then user. */
  readonly #bySeeker = new Map<string, Map<string, ById>>();
  readonly #byMentor = new Map<string, Map<string, ById>>();

  get(id: string): InterviewRequest | undefined {
    return this.#byId.get(id);
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  put(request: InterviewRequest): void {
    this.#byId.set(request.id, request);
    add(this.#byGuild, request.guildId, request);
    add(peopleOf(this.#bySeeker, request.guildId), request.seekerId, request);
    add(peopleOf(this.#byMentor, request.guildId), request.mentorId, request);
  }

  clear(): void {
    for (const map of [this.#byId, this.#byGuild, this.#bySeeker, this.#byMentor]) map.clear();
  }

  /** Drops the guild's requests, before it is loaded again. */
  forget(guildId: string): void {
    for (const id of this.#byGuild.get(guildId)?.keys() ?? []) this.#byId.delete(id);
    for (const map of [this.#byGuild, this.#bySeeker, this.#byMentor]) map.delete(guildId);
  }

  remove(id: string): void {
    const request = this.#byId.get(id);
    if (!request) return;
    this.#byId.delete(id);
    drop(this.#byGuild, request.guildId, id);
    dropByPerson(this.#bySeeker, request.guildId, request.seekerId, id);
    dropByPerson(this.#byMentor, request.guildId, request.mentorId, id);
  }

  all(): InterviewRequest[] {
    return [...this.#byId.values()];
  }

  /** Whether anyone in the guild has sent a request that is still kept. */
  anyIn(guildId: string): boolean {
    return this.#byGuild.has(guildId);
  }

  inGuild(guildId: string): InterviewRequest[] {
    return [...(this.#byGuild.get(guildId)?.values() ?? [])];
  }

  sentBy(guildId: string, seekerId: string): InterviewRequest[] {
    return [...(this.#bySeeker.get(guildId)?.get(seekerId)?.values() ?? [])];
  }

  sentTo(guildId: string, mentorId: string): InterviewRequest[] {
    return [...(this.#byMentor.get(guildId)?.get(mentorId)?.values() ?? [])];
  }

  /** Requests where the user is the seeker or the librarian. */
  involving(guildId: string, userId: string): InterviewRequest[] {
    return [...new Set([...this.sentBy(guildId, userId), ...this.sentTo(guildId, userId)])];
  }
}

function add(map: Map<string, ById>, key: string, request: InterviewRequest): void {
  let requests = map.get(key);
  if (!requests) {
    requests = new Map();
    map.set(key, requests);
  }
  requests.set(request.id, request);
}

function peopleOf(map: Map<string, Map<string, ById>>, guildId: string): Map<string, ById> {
  let people = map.get(guildId);
  if (!people) {
    people = new Map();
    map.set(guildId, people);
  }
  return people;
}

function drop(map: Map<string, ById>, key: string, id: string): void {
  const requests = map.get(key);
  requests?.delete(id);
  if (requests?.size === 0) map.delete(key);
}

function dropByPerson(
  map: Map<string, Map<string, ById>>,
  guildId: string,
  userId: string,
  id: string,
): void {
  const people = map.get(guildId);
  if (people) drop(people, userId, id);
  if (people?.size === 0) map.delete(guildId);
}
