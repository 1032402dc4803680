/** A small least-recently-used cache (Map keeps insertion order). */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>()

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key)
    if (value !== undefined) {
      this.entries.delete(key)
      this.entries.set(key, value)
    }
    return value
  }

  set(key: K, value: V): V {
    this.entries.delete(key)
    this.entries.set(key, value)
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K)
    return value
  }

  /** The cached value, or the computed one (then cached). */
  getOrSet(key: K, compute: () => V): V {
    return this.get(key) ?? this.set(key, compute())
  }
}
