// Package compiler turns a Looker Query over a resolved explore into one SQL
// statement for a dialect: the fields it selects, the joins they need (and
// only those), symmetric aggregates where a join fans a view out, filters in
// WHERE or HAVING, the explore's implicit filters, Looker's default sort and
// row limit.
//
// Identifiers and SQL text come only from the model. Every value of a
// request — filter expressions, user attributes, suggestion terms — reaches
// the SQL as a bound argument; sorts, limits and field names are matched
// against the model or parsed as integers and never copied into the text.
//
// Values are bound in two places: semantic binds Liquid values while it
// expands model text, and sqlgen binds Params while it renders. Both hand out
// markers (see binds.go) that one final pass turns into the dialect's
// placeholders in text order, so arguments line up for every placeholder
// style.
package compiler
