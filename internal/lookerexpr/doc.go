// Package lookerexpr reads Looker's expression language: the text of a
// query's filter_expression, of a custom dimension or measure and of a
// table calculation. It parses an expression into a small tree, prints the
// tree back in one canonical spelling, checks its types against the fields
// a query knows, turns a row-level expression (or a custom measure's, with
// its aggregates) into a sqlgen expression whose values are all bound
// parameters, and evaluates table calculations over a whole result in Go,
// one pivot column at a time for a pivoted result.
//
// The functions that have SQL compute the same values in SQL, on every
// dialect, and in the evaluator. Where databases disagree or fail, both
// sides apply one rule: out of a math function's domain, past a double's
// range, at a substring start below 1 or a division or mod by zero the
// value is null. Some definitions are ours where Looker's documentation
// leaves them open: diff_* counts unit boundaries crossed (seconds,
// minutes, hours and days on the clock from 1970, calendar months and
// years); extract_day_of_week counts from Monday = 0, like the
// day_of_week_index timeframe; trunc_weeks starts weeks on Monday;
// add_months and add_years keep the day of the month or take the target
// month's last day (SQLite alone normalises past it instead).
package lookerexpr
