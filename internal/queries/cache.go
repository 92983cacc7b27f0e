package queries

import (
	"container/list"
	"sync"
	"time"
)

// Cache limits and the default maximum age of an entry.
const (
	DefaultCacheEntryBytes = 4 << 20
	DefaultCacheBytes      = 256 << 20
	DefaultCacheMaxAge     = time.Hour
)

// Cache holds encoded results of small runs, least recently used first
// out. It is safe for concurrent use.
type Cache struct {
	// EntryBytes caps one entry, TotalBytes all of them.
	EntryBytes, TotalBytes int
	// Now tells the time (tests move it); time.Now when nil.
	Now func() time.Time

	mu    sync.Mutex
	size  int
	order *list.List // front: most recently used
	items map[CacheKey]*list.Element
}

// CachedResult is one entry: the result's bytes as written, and its rows.
type CachedResult struct {
	Body     []byte
	Rows     int
	StoredAt time.Time
}

type cacheItem struct {
	key CacheKey
	res CachedResult
}

// NewCache is an empty cache with the default limits.
func NewCache() *Cache {
	return &Cache{EntryBytes: DefaultCacheEntryBytes, TotalBytes: DefaultCacheBytes}
}

func (c *Cache) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// Get returns the entry under k when it is younger than maxAge; stale
// entries are returned too when anyAge is set (cache_only).
func (c *Cache) Get(k CacheKey, maxAge time.Duration, anyAge bool) (CachedResult, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[k]
	if !ok {
		return CachedResult{}, false
	}
	it := el.Value.(*cacheItem)
	if !anyAge && c.now().Sub(it.res.StoredAt) >= maxAge {
		return CachedResult{}, false
	}
	c.order.MoveToFront(el)
	return it.res, true
}

// Put stores body under k, evicting the least recently used entries to
// stay within the budget; a body over the entry cap is not stored.
func (c *Cache) Put(k CacheKey, body []byte, rows int) {
	if len(body) > c.EntryBytes || len(body) > c.TotalBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.items == nil {
		c.items, c.order = map[CacheKey]*list.Element{}, list.New()
	}
	if el, ok := c.items[k]; ok {
		c.remove(el)
	}
	it := &cacheItem{key: k, res: CachedResult{Body: body, Rows: rows, StoredAt: c.now()}}
	c.items[k] = c.order.PushFront(it)
	c.size += len(body)
	for c.size > c.TotalBytes {
		c.remove(c.order.Back())
	}
}

func (c *Cache) remove(el *list.Element) {
	it := el.Value.(*cacheItem)
	c.order.Remove(el)
	delete(c.items, it.key)
	c.size -= len(it.res.Body)
}

// Len is the number of entries.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}
