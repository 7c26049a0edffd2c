/**
 * Puts a room's seq-numbered frames back in order on the node that delivers
 * them (docs/ARCHITECTURE.md §5: every watcher receives every seq in order).
 *
 * In a cluster each node sends the frames of the events it committed, and
 * paces them on its own; a frame from one node can overtake an earlier one
 * from another. So each node passes the frames it is about to deliver to its
 * own sockets through this gate: a frame that follows what was delivered goes
 * out at once; one that skips ahead waits (at most `holdMs`) for the frames
 * before it; a frame wholly behind is dropped and one partly behind is cut.
 * If the missing frame never comes (its node died between commit and send),
 * the held frames go out after `holdMs`: the watchers see the gap and watch
 * again with `sinceSeq`, which reads the stored log. Pure: no sockets, no Redis.
 */

export interface SeqSpan {
  first: number;
  last: number;
}

interface Held<F> extends SeqSpan {
  frame: F;
}

interface RoomOrder<F> {
  /** the next seq this room's sockets expect (null: nothing delivered yet) */
  next: number | null;
  /** frames that skip ahead, by first seq */
  held: Held<F>[];
  timer: NodeJS.Timeout | null;
}

/** `deliver(room, frame, fromSeq)`: send the frame's events with seq ≥ fromSeq to the room's sockets here. */
export type Deliver<F> = (room: string, frame: F, fromSeq: number) => void;

export class FrameOrder<F> {
  private readonly rooms = new Map<string, RoomOrder<F>>();

  constructor(
    private readonly holdMs: number,
    private readonly deliver: Deliver<F>,
  ) {}

  offer(room: string, span: SeqSpan, frame: F): void {
    let order = this.rooms.get(room);
    if (!order) {
      order = { next: null, held: [], timer: null };
      this.rooms.set(room, order);
    }
    if (order.next === null || span.first <= order.next) {
      this.send(room, order, { ...span, frame });
      this.drain(room, order);
      return;
    }
    const at = order.held.findIndex((h) => h.first > span.first);
    order.held.splice(at < 0 ? order.held.length : at, 0, { ...span, frame });
    order.timer ??= setTimeout(() => this.giveUp(room), this.holdMs);
  }

  /**
   * Where a room's frames start, from its first watcher's snapshot: until
   * then a frame that skipped ahead could not be told from the first one.
   * A room that has delivered frames already knows, and keeps its place.
   */
  startAt(room: string, next: number): void {
    const order = this.rooms.get(room);
    if (!order) this.rooms.set(room, { next, held: [], timer: null });
    else if (order.next === null) order.next = next;
  }

  /** The room has no socket here any more: what it expected no longer matters. */
  forget(room: string): void {
    const order = this.rooms.get(room);
    if (order?.timer) clearTimeout(order.timer);
    this.rooms.delete(room);
  }

  /** Frames were lost wholesale (pub/sub was away): start every room afresh, sending what is held. */
  reset(): void {
    for (const room of [...this.rooms.keys()]) {
      this.giveUp(room);
      this.forget(room);
    }
  }

  /** Rooms with frames waiting. */
  holding(): number {
    let n = 0;
    for (const order of this.rooms.values()) if (order.held.length) n += 1;
    return n;
  }

  private send(room: string, order: RoomOrder<F>, h: Held<F>): void {
    const from = order.next ?? h.first;
    if (h.last < from) return;
    this.deliver(room, h.frame, from);
    order.next = h.last + 1;
  }

  private drain(room: string, order: RoomOrder<F>): void {
    while (order.held.length && order.held[0]!.first <= order.next!) this.send(room, order, order.held.shift()!);
    if (order.held.length === 0 && order.timer) {
      clearTimeout(order.timer);
      order.timer = null;
    }
  }

  /** The wait is over: send what is held, in order, past the gap. */
  private giveUp(room: string): void {
    const order = this.rooms.get(room);
    if (!order) return;
    if (order.timer) clearTimeout(order.timer);
    order.timer = null;
    const held = order.held;
    order.held = [];
    for (const h of held) {
      if (order.next !== null && h.first > order.next) order.next = h.first;
      this.send(room, order, h);
    }
  }
}
