package store

import (
	"fmt"
	"strconv"
)

// migrations[v] upgrades a file from schema v to v+1. Version 1 is the first
// layout, so there is nothing to run yet; each later layout change adds one
// step here and raises SchemaVersion, and Open runs the steps in order inside
// one transaction per step.
var migrations = map[int]func(tx *Tx) error{}

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
