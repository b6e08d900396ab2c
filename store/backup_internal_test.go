package store

import (
	"testing"
	"time"
)

// Ensure that pruning keeps the newest few, the newest of each of the last
// seven days and of each of the last eight weeks, drops the rest, and then
// drops the oldest kept ones that go over the disk cap (never the newest two).
func TestDropBackups_KeepsRecentDailyWeeklyWithinCap(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.Local)
	var list []Backup
	// Every two hours for 60 days, newest first.
	for h := 0; h < 60*24; h += 2 {
		list = append(list, Backup{Path: time.Duration(h).String(), Time: now.Add(-time.Duration(h) * time.Hour), Size: 10})
	}
	kept := map[time.Time]bool{}
	for _, b := range list {
		kept[b.Time] = true
	}
	for _, b := range dropBackups(list, 3, 1<<30, now) {
		delete(kept, b.Time)
	}
	// 3 recent (today's newest among them), 6 more days, and the weeks
	// before those days: 60 days reach back into 9 ISO weeks, 8 kept.
	if len(kept) < 3+6+6 || len(kept) > 3+6+8 {
		t.Errorf("kept %d backups, want the 3 newest, one per day for 7 days and one per week for 8 weeks", len(kept))
	}
	for i := 0; i < 3; i++ {
		if !kept[list[i].Time] {
			t.Errorf("the %d. newest backup was dropped", i+1)
		}
	}
	if kept[list[len(list)-1].Time] {
		t.Error("the 60-day-old backup was kept")
	}
	var day6 bool
	for tm := range kept {
		if d := now.Sub(tm); d > 5*24*time.Hour && d < 7*24*time.Hour {
			day6 = true
		}
	}
	if !day6 {
		t.Error("no backup from six days ago was kept")
	}
	// A cap of 25 bytes holds two backups of 10 bytes: the newest two stay.
	drop := dropBackups(list, 3, 25, now)
	if len(list)-len(drop) != 2 {
		t.Errorf("with a cap of 25 bytes %d backups are kept, want 2", len(list)-len(drop))
	}
	if drop := dropBackups(list[:3], 3, 1, now); len(drop) != 1 || drop[0].Time != list[2].Time {
		t.Errorf("over the cap, dropped %v; want only the third newest (the newest two stay)", drop)
	}
}

// Ensure that backup names carry the time, the change count and a note, and
// read back.
func TestParseBackupName_RoundTrip(t *testing.T) {
	tm := time.Date(2026, 11, 30, 9, 8, 7, 6, time.UTC)
	b, ok := parseBackupName(backupName(tm, 42, "before restore"))
	if !ok || !b.Time.Equal(tm) || b.Changes != 42 || b.Note != "before restore" {
		t.Errorf("got %+v, %v", b, ok)
	}
	if _, ok := parseBackupName("notes.txt"); ok {
		t.Error("a stray file was taken for a backup")
	}
}
