package store

import (
	"fmt"
	"strconv"

	"coder/qda"
)

// migrations[v] upgrades a file from schema v to v+1. Each layout change adds
// one step here and raises SchemaVersion; Open runs the steps in order, one
// transaction per step, after taking a backup.
var migrations = map[int]func(tx *Tx) error{
	// 1 -> 2: an index of document names, so that naming an imported
	// document does not read every other document.
	1: func(tx *Tx) error {
		if _, err := tx.tx.CreateBucketIfNotExists(bDocNames); err != nil {
			return err
		}
		docs, err := allJSON[qda.Document](tx, bDocs, "document")
		if err != nil {
			return err
		}
		for _, d := range docs {
			if err := tx.put(bDocNames, nameKey(d.Name), []byte(d.ID)); err != nil {
				return err
			}
		}
		return nil
	},
	// 2 -> 3: no bucket changes shape, but files of schema 3 may be
	// encrypted and carry edit stamps, tombstones, pseudonyms and rejected
	// suggestions, which a Coder that reads schema 2 would not know to keep,
	// or would overwrite with clear text: raising the number makes such a
	// Coder refuse the file ("written by a newer Coder") instead.
	2: func(*Tx) error { return nil },
}

func (db *DB) migrate(from int) error {
	for v := from; v < SchemaVersion; v++ {
		step, ok := migrations[v]
		if !ok {
			return fmt.Errorf("%s: no migration from schema %d (the file may be damaged)", db.path, v)
		}
		err := db.Update(func(tx *Tx) error {
			if err := step(tx); err != nil {
				return err
			}
			return tx.put(bMeta, kSchema, []byte(strconv.Itoa(v+1)))
		})
		if err != nil {
			return fmt.Errorf("%s: upgrading from schema %d: %w", db.path, v, err)
		}
	}
	return nil
}
