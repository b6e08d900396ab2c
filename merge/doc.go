// Package merge combines two copies of a project into one: the lead's file
// and a colleague's, made from the same project or started apart. It is
// pure functions over qda.Bundle (no store, no display), so the rules live
// in one place and can be checked on generated projects.
//
// The rules:
//   - entities are matched by UUID; documents also by the hash of their text
//     (two coders imported the same file), codes made separately by path
//     (the same name under the same parent), cases by name, attributes by scope and name, coders
//     by name. Matches are recorded as tombstones with Into, so what later
//     arrives on the other ID lands on the same entity;
//   - codings are united; the same span, code and coder is one coding;
//   - a tombstone (a deletion, with time and coder) removes its entity and
//     whatever hangs on it from the result, whichever side still had it;
//   - of two versions of a code, document, case, attribute value or coding
//     the later edit wins (ties broken by coder and content); when neither
//     version had seen the other, the loser is reported as a conflict;
//   - of two concurrent versions of a memo, both are kept: the later under
//     its ID, the other as a memo flagged ConflictOf, for a person to resolve.
//     A version seen by a version that was itself seen or resolved is not
//     concurrent: the memo carries what the versions it dropped had seen.
//   - the assistant's rejected suggestions are united: the same code,
//     document and span is one; they go with their code or document, and
//     one whose span no longer covers the words it rejected is left out.
//
// Every choice depends only on the set of versions and tombstones, never on
// which side they came from, so merging is idempotent and order-independent:
// A⊕B = B⊕A, (A⊕B)⊕C = A⊕(B⊕C), A⊕A = A. The result's project identity is
// the first argument's.
//
// Names are matched only where that is a property of the set of records:
// codes are joined by path only when each of the two is in one copy and not
// the other (made separately). A code renamed onto the path of a code made
// elsewhere stays its own code, as do two documents with one name and
// different texts; the merge numbers the clash ("Trust (2)"): of codes the
// least ID keeps the name, of documents the earlier import (then the least
// ID). A merge's numbers are marked in the record's history and worked out
// again from the records' own names by every merge, so they too depend only
// on the set of records, not on the order of arrival (see names.go).
//
// Whole records win, not fields: of a rename in one copy and a recolouring
// in another, the later keeps its name and colour and the other is
// reported.
package merge
