package demo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"hash"

	"github.com/overlookbi/overlook/internal/warehouse"
)

// ExpectedChecksums generates the demo in memory and returns the checksums
// Checksums must find in a database loaded with the same options: every
// table is generated in primary-key order.
func ExpectedChecksums(ctx context.Context, opts Options) (map[string]string, error) {
	s := &hashSink{sums: map[string]string{}}
	if err := Generate(ctx, s, opts, nil); err != nil {
		return nil, err
	}
	return s.sums, nil
}

type hashSink struct{ sums map[string]string }

func (s *hashSink) Table(name string, _ []Column) (TableWriter, error) {
	return &hashTable{sink: s, name: name, h: sha256.New()}, nil
}

type hashTable struct {
	sink *hashSink
	name string
	h    hash.Hash
	norm []any
}

func (t *hashTable) Write(row []any) error {
	t.norm = t.norm[:0]
	for _, v := range row {
		t.norm = append(t.norm, warehouse.Normalize(v))
	}
	writeRow(t.h, t.norm)
	return nil
}

func (t *hashTable) Close() error {
	t.sink.sums[t.name] = hex.EncodeToString(t.h.Sum(nil))
	return nil
}
