// Package semantic turns a loaded LookML project into a resolved model:
// views with their fields typed and expanded (every dimension_group timeframe
// and duration interval becomes a field of its own), explores with their
// joins, explore-level filters and access filters, and datagroups. Build
// checks the model and reports every problem with its file:line:col.
//
// The model also substitutes field SQL for the SQL compiler: ${TABLE},
// ${field}, ${view.field} and ${view.SQL_TABLE_NAME} are expanded
// recursively (cycles are errors), and Liquid in sql and html is rendered
// with Looker's variables and tags. All SQL text this package returns is
// model text: a user attribute, a parameter value or a filter value reaches
// it only as a placeholder from a Binder, except the value of an unquoted
// parameter, which must be one of the parameter's allowed_values and is then
// pasted as the model wrote it.
package semantic
