package duckdb

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"time"
	"unsafe"

	bindings "github.com/duckdb/duckdb-go-bindings"
	"github.com/duckdb/duckdb-go/v2"
)

// streamRows reads a streaming result chunk by chunk, decoding values
// straight from the vectors. Values have the types duckdb-go gives for
// the same columns, except that every signed integer is an int64, every
// unsigned one up to 32 bits too, and a FLOAT a float64 (what
// warehouse.Normalize makes of them anyway).
type streamRows struct {
	ctx       context.Context
	res       bindings.Result
	interrupt func() // stops interrupting on ctx's end
	names     []string
	cols      []column
	chunk     bindings.DataChunk
	size, row int
	closed    bool
}

// column is one result column and, while a chunk is read, its vector.
type column struct {
	dbType string // the driver's database type name
	typ    bindings.Type
	store  bindings.Type // a DECIMAL's storage type
	width  uint8
	scale  uint8
	data   unsafe.Pointer
	valid  unsafe.Pointer // nil: no NULLs in the chunk
}

// newColumn describes a column of logical type lt; false when streamRows
// does not decode it (the driver's rows then read the statement).
func newColumn(lt bindings.LogicalType) (column, bool) {
	t := bindings.GetTypeId(lt)
	c := column{typ: t}
	if bindings.LogicalTypeGetAlias(lt) != "" {
		return c, false
	}
	if t == bindings.TypeDecimal {
		c.width, c.scale = bindings.DecimalWidth(lt), bindings.DecimalScale(lt)
		c.store = bindings.DecimalInternalType(lt)
		c.dbType = fmt.Sprintf("DECIMAL(%d,%d)", c.width, c.scale)
		return c, c.store == bindings.TypeSmallInt || c.store == bindings.TypeInteger || c.store == bindings.TypeBigInt
	}
	name, ok := typeNames[t]
	c.dbType = name
	return c, ok
}

// typeNames are the decoded types with the driver's names for them.
var typeNames = map[bindings.Type]string{
	bindings.TypeBoolean: "BOOLEAN", bindings.TypeTinyInt: "TINYINT", bindings.TypeSmallInt: "SMALLINT",
	bindings.TypeInteger: "INTEGER", bindings.TypeBigInt: "BIGINT", bindings.TypeUTinyInt: "UTINYINT",
	bindings.TypeUSmallInt: "USMALLINT", bindings.TypeUInteger: "UINTEGER", bindings.TypeUBigInt: "UBIGINT",
	bindings.TypeFloat: "FLOAT", bindings.TypeDouble: "DOUBLE", bindings.TypeVarchar: "VARCHAR",
	bindings.TypeBlob: "BLOB", bindings.TypeDate: "DATE", bindings.TypeTimestamp: "TIMESTAMP",
	bindings.TypeTimestampS: "TIMESTAMP_S", bindings.TypeTimestampMS: "TIMESTAMP_MS",
	bindings.TypeTimestampNS: "TIMESTAMP_NS", bindings.TypeTimestampTZ: "TIMESTAMPTZ",
}

// describe reads the result's columns; false when one is not decoded.
func (r *streamRows) describe() bool {
	n := bindings.ColumnCount(&r.res)
	for i := bindings.IdxT(0); i < n; i++ {
		lt := bindings.ColumnLogicalType(&r.res, i)
		c, ok := newColumn(lt)
		bindings.DestroyLogicalType(&lt)
		if !ok {
			return false
		}
		r.names = append(r.names, bindings.ColumnName(&r.res, i))
		r.cols = append(r.cols, c)
	}
	return true
}

// Columns implements driver.Rows.
func (r *streamRows) Columns() []string { return r.names }

// ColumnTypeDatabaseTypeName implements driver.RowsColumnTypeDatabaseTypeName.
func (r *streamRows) ColumnTypeDatabaseTypeName(i int) string { return r.cols[i].dbType }

// Close implements driver.Rows.
func (r *streamRows) Close() error {
	if r.closed {
		return nil
	}
	r.closed = true
	bindings.DestroyDataChunk(&r.chunk)
	bindings.DestroyResult(&r.res)
	r.interrupt()
	return nil
}

// Next implements driver.Rows.
func (r *streamRows) Next(dest []driver.Value) error {
	for r.row >= r.size {
		if err := r.fetch(); err != nil {
			return err
		}
	}
	for i := range r.cols {
		dest[i] = r.cols[i].value(r.row)
	}
	r.row++
	return nil
}

// fetch reads the next chunk; io.EOF at the end.
func (r *streamRows) fetch() error {
	bindings.DestroyDataChunk(&r.chunk)
	r.chunk = bindings.FetchChunk(r.res)
	if r.chunk.Ptr == nil {
		if msg := bindings.ResultError(&r.res); msg != "" {
			return errors.Join(r.ctx.Err(), duckError(msg))
		}
		if err := r.ctx.Err(); err != nil {
			return err
		}
		return io.EOF
	}
	r.size, r.row = int(bindings.DataChunkGetSize(r.chunk)), 0
	for i := range r.cols {
		vec := bindings.DataChunkGetVector(r.chunk, bindings.IdxT(i))
		r.cols[i].data = bindings.VectorGetData(vec)
		r.cols[i].valid = bindings.VectorGetValidity(vec)
	}
	return nil
}

// value decodes row i of the column's current vector.
func (c *column) value(i int) driver.Value {
	if c.valid != nil && (*(*uint64)(unsafe.Add(c.valid, i/64*8))>>(i%64))&1 == 0 {
		return nil
	}
	switch c.typ {
	case bindings.TypeBoolean:
		return at[bool](c.data, i)
	case bindings.TypeTinyInt:
		return int64(at[int8](c.data, i))
	case bindings.TypeSmallInt:
		return int64(at[int16](c.data, i))
	case bindings.TypeInteger:
		return int64(at[int32](c.data, i))
	case bindings.TypeBigInt:
		return at[int64](c.data, i)
	case bindings.TypeUTinyInt:
		return int64(at[uint8](c.data, i))
	case bindings.TypeUSmallInt:
		return int64(at[uint16](c.data, i))
	case bindings.TypeUInteger:
		return int64(at[uint32](c.data, i))
	case bindings.TypeUBigInt:
		return at[uint64](c.data, i)
	case bindings.TypeFloat:
		return float64(at[float32](c.data, i))
	case bindings.TypeDouble:
		return at[float64](c.data, i)
	case bindings.TypeVarchar:
		return string(stringAt(c.data, i))
	case bindings.TypeBlob:
		return []byte(stringAt(c.data, i))
	case bindings.TypeDate:
		return date(at[int32](c.data, i))
	case bindings.TypeTimestamp, bindings.TypeTimestampTZ:
		return time.UnixMicro(at[int64](c.data, i)).UTC()
	case bindings.TypeTimestampS:
		return time.Unix(at[int64](c.data, i), 0).UTC()
	case bindings.TypeTimestampMS:
		return time.UnixMilli(at[int64](c.data, i)).UTC()
	case bindings.TypeTimestampNS:
		return time.Unix(0, at[int64](c.data, i)).UTC()
	case bindings.TypeDecimal:
		return c.decimal(i)
	}
	return nil
}

func (c *column) decimal(i int) duckdb.Decimal {
	var v int64
	switch c.store {
	case bindings.TypeSmallInt:
		v = int64(at[int16](c.data, i))
	case bindings.TypeInteger:
		v = int64(at[int32](c.data, i))
	default:
		v = at[int64](c.data, i)
	}
	return duckdb.Decimal{Width: c.width, Scale: c.scale, Value: big.NewInt(v)}
}

func at[T any](data unsafe.Pointer, i int) T {
	var zero T
	return *(*T)(unsafe.Add(data, uintptr(i)*unsafe.Sizeof(zero)))
}

// stringAt borrows the bytes of the duckdb_string_t at i: 16 bytes, a
// uint32 length, then the text inline when it is at most 12 bytes long,
// else a 4-byte prefix and a pointer.
func stringAt(data unsafe.Pointer, i int) []byte {
	p := unsafe.Add(data, i*16)
	n := *(*uint32)(p)
	if n <= 12 {
		return unsafe.Slice((*byte)(unsafe.Add(p, 4)), n)
	}
	return unsafe.Slice(*(**byte)(unsafe.Add(p, 8)), n)
}

// date turns DuckDB's days since 1970-01-01 into midnight UTC, as the
// driver does; ±infinity go through DuckDB's own conversion.
func date(days int32) time.Time {
	if days == math.MaxInt32 || days == -math.MaxInt32 {
		d := bindings.FromDate(bindings.NewDate(days))
		y, m, dd := bindings.DateStructMembers(&d)
		return time.Date(int(y), time.Month(m), int(dd), 0, 0, 0, 0, time.UTC)
	}
	return time.Unix(int64(days)*86400, 0).UTC()
}
