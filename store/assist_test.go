package store_test

import (
	"slices"
	"testing"

	"coder/qda"
	"coder/store"
)

func rejections(t *testing.T, db *store.DB) []qda.Rejection {
	t.Helper()
	var rs []qda.Rejection
	if err := db.View(func(tx *store.Tx) error {
		var err error
		rs, err = tx.Rejections()
		return err
	}); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(rs, qda.CompareRejections)
	return rs
}

// Ensure that rejected suggestions go with their document and with their
// code (and the codes below it), and follow their code into the code it is
// merged into, where one alike already there stays one.
func TestRejections_GoWithTheirCodeAndDocument(t *testing.T) {
	db := newDB(t)
	doc := sampleDoc("Yard notes", "The gate was mended. The keys went to the committee.")
	other := sampleDoc("Notice", "From Monday the east gate closes at ten.")
	trust, rules, sub, gate := sampleCode("Trust", ""), sampleCode("Rules", ""), sampleCode("Rules of the yard", ""), sampleCode("Gate", "")
	sub.Parent = rules.ID
	reject := func(code, d qda.ID, s, e int) qda.Rejection {
		return qda.Rejection{Code: code, Document: d, Span: qda.Span{Start: s, End: e}}
	}
	update(t, db, func(tx *store.Tx) error {
		for _, c := range []*qda.Code{trust, rules, sub, gate} {
			if err := tx.PutCode(c); err != nil {
				return err
			}
		}
		for _, d := range []*qda.Document{doc, other} {
			if err := tx.PutDocument(d); err != nil {
				return err
			}
		}
		for _, r := range []qda.Rejection{
			reject(trust.ID, doc.ID, 0, 20), reject(rules.ID, doc.ID, 0, 20), reject(sub.ID, doc.ID, 21, 52),
			reject(gate.ID, doc.ID, 0, 20), reject(gate.ID, other.ID, 0, 10), reject(trust.ID, other.ID, 0, 10),
		} {
			if err := tx.PutRejection(&r); err != nil {
				return err
			}
		}
		return nil
	})
	update(t, db, func(tx *store.Tx) error { return tx.DeleteCode(rules.ID, true) })
	update(t, db, func(tx *store.Tx) error { return tx.DeleteDocument(other.ID) })
	update(t, db, func(tx *store.Tx) error { return tx.MergeCode(gate.ID, trust.ID) })
	want := []qda.Rejection{reject(trust.ID, doc.ID, 0, 20)}
	if got := rejections(t, db); !slices.Equal(got, want) {
		t.Errorf("rejections = %+v, want %+v", got, want)
	}
}
