package store

import "bytes"

// Settings are the project's own preferences (such as its stop-word lists),
// kept in the meta bucket under "setting:" keys so they travel with the file.

func settingKey(name string) []byte { return []byte("setting:" + name) }

// Setting returns the setting's stored value, or nil when it was never set.
func (tx *Tx) Setting(name string) []byte {
	v, err := tx.get(bMeta, settingKey(name))
	if err != nil || v == nil {
		return nil // a setting that does not decrypt is as if never set
	}
	return append([]byte(nil), v...)
}

// PutSetting stores a setting's value; nil removes it.
func (tx *Tx) PutSetting(name string, value []byte) error {
	if value == nil {
		return tx.del(bMeta, settingKey(name))
	}
	// The store keeps the value (in the undo record): copy the caller's.
	return tx.put(bMeta, settingKey(name), bytes.Clone(value))
}
