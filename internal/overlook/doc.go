// Package overlook is the domain root: the entities every layer shares, the
// error kinds that services return, and the principal an authenticated
// request acts as. It imports nothing internal, so every other package may
// import it.
package overlook
