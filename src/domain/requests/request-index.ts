import type { InterviewRequest } from "./request.js";

/**
 * Every request in memory, by id, by guild, by seeker and by librarian, so limits and searches
 * never scan the store. A request's guild and people never change; only the record does.
 */
export class RequestIndex {
  readonly #byId = new Map<string, InterviewRequest>();
  readonly #byGuild = new Map<string, Set<string>>();
  // By guild, then user: search asks about hundreds of librarians, and a key built per question
  // would cost a new string each time.
  readonly #bySeeker = new Map<string, Map<string, Set<string>>>();
  readonly #byMentor = new Map<string, Map<string, Set<string>>>();

  get(id: string): InterviewRequest | undefined {
    return this.#byId.get(id);
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  put(request: InterviewRequest): void {
    this.#byId.set(request.id, request);
    add(this.#byGuild, request.guildId, request.id);
    addByPerson(this.#bySeeker, request.guildId, request.seekerId, request.id);
    addByPerson(this.#byMentor, request.guildId, request.mentorId, request.id);
  }

  clear(): void {
    for (const map of [this.#byId, this.#byGuild, this.#bySeeker, this.#byMentor]) map.clear();
  }

  remove(id: string): void {
    const request = this.#byId.get(id);
    if (!request) return;
    this.#byId.delete(id);
    drop(this.#byGuild, request.guildId, id);
    dropByPerson(this.#bySeeker, request.guildId, request.seekerId, id);
    dropByPerson(this.#byMentor, request.guildId, request.mentorId, id);
  }

  /** Whether anyone in the guild has sent a request that is still kept. */
  anyIn(guildId: string): boolean {
    return this.#byGuild.has(guildId);
  }

  inGuild(guildId: string): InterviewRequest[] {
    return this.#resolve(this.#byGuild.get(guildId));
  }

  sentBy(guildId: string, seekerId: string): InterviewRequest[] {
    return this.#resolve(this.#bySeeker.get(guildId)?.get(seekerId));
  }

  sentTo(guildId: string, mentorId: string): InterviewRequest[] {
    return this.#resolve(this.#byMentor.get(guildId)?.get(mentorId));
  }

  /** Requests where the user is the seeker or the librarian. */
  involving(guildId: string, userId: string): InterviewRequest[] {
    return [...new Set([...this.sentBy(guildId, userId), ...this.sentTo(guildId, userId)])];
  }

  #resolve(ids: Set<string> | undefined): InterviewRequest[] {
    if (!ids) return [];
    const found: InterviewRequest[] = [];
    for (const id of ids ?? []) {
      const request = this.#byId.get(id);
      if (request) found.push(request);
    }
    return found;
  }
}

function add(map: Map<string, Set<string>>, key: string, id: string): void {
  let ids = map.get(key);
  if (!ids) {
    ids = new Set();
    map.set(key, ids);
  }
  ids.add(id);
}

function addByPerson(
  map: Map<string, Map<string, Set<string>>>,
  guildId: string,
  userId: string,
  id: string,
): void {
  let people = map.get(guildId);
  if (!people) {
    people = new Map();
    map.set(guildId, people);
  }
  add(people, userId, id);
}

function drop(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  ids?.delete(id);
  if (ids?.size === 0) map.delete(key);
}

function dropByPerson(
  map: Map<string, Map<string, Set<string>>>,
  guildId: string,
  userId: string,
  id: string,
): void {
  const people = map.get(guildId);
  if (people) drop(people, userId, id);
  if (people?.size === 0) map.delete(guildId);
}
