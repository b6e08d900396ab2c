package analysis

import (
	"sync"
	"testing"
)

// Ensure that one Data serves tables to several goroutines at once (the
// project keeps one snapshot for every view and command): run with -race.
func TestData_TablesFromSeveralGoroutines(t *testing.T) {
	d := fixture()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := d.Frequencies(Dimension{Kind: "case"}, true); err != nil {
				t.Error(err)
			}
			c := d.Cooccurrence(nil, Unit{Kind: "passage"}, true)
			c.Evidence(0, 3)
			if _, err := d.Matrix(Dimension{Kind: "attr", Attr: "Role"}, nil, true); err != nil {
				t.Error(err)
			}
			if _, err := d.Query(`P NEAR B OR "Community logic"`, QueryOptions{}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}
