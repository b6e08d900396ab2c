package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"coder/qda"
)

// Backups are whole copies of the project file in .NAME.backups/ beside it,
// named by the time they were taken and the change counter they hold. One is
// taken on open when the newest is older than Options.BackupEvery, then again
// after writes once that much time has passed, and (for the app) on close.
// Pruning keeps the newest few, the newest of each of the last DailyBackups
// days and WeeklyBackups weeks, all within a cap on disk use.

// DefaultBackupBytes is the default cap on the disk space a project's backups
// take together.
const DefaultBackupBytes = 1 << 30

// DailyBackups and WeeklyBackups are how many days and weeks back the newest
// backup of each is kept.
const (
	DailyBackups  = 7
	WeeklyBackups = 8
)

const backupStamp = "20060102T150405.000000000"

// Backup is one backup file of a project.
type Backup struct {
	Path    string
	Time    time.Time // when it was taken
	Size    int64
	Changes uint64 // the change counter of the project it copies
	// Note says why it was taken when not on the usual schedule:
	// "before restore", or "damaged" for a raw copy of a damaged file.
	Note string
	// Counts read from the backup itself by ListBackups; Err says why they
	// could not be read (the backup is damaged).
	Documents, Codings, Memos int
	Err                       error
}

// Name is the backup's file name, which the restore command accepts.
func (b Backup) Name() string { return filepath.Base(b.Path) }

// BackupDir returns the folder where a project's backups are kept: beside
// the project, so a copied folder carries them along.
func BackupDir(projectPath string) string {
	dir, name := filepath.Split(projectPath)
	return filepath.Join(dir, "."+strings.TrimSuffix(name, filepath.Ext(name))+".backups")
}

// Backups lists the paths of a project's backups, newest first.
func Backups(projectPath string) ([]string, error) {
	list, err := backupFiles(projectPath)
	out := make([]string, len(list))
	for i, b := range list {
		out[i] = b.Path
	}
	return out, err
}

// backupFiles lists the backups by their names and sizes, newest first.
func backupFiles(projectPath string) ([]Backup, error) {
	dir := BackupDir(projectPath)
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Backup
	for _, e := range entries {
		b, ok := parseBackupName(e.Name())
		if !ok {
			continue
		}
		b.Path = filepath.Join(dir, e.Name())
		if info, err := e.Info(); err == nil {
			b.Size = info.Size()
		}
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, nil
}

func parseBackupName(name string) (Backup, bool) {
	var b Backup
	if !strings.HasSuffix(name, ".coder") || len(name) < len(backupStamp)+1 {
		return b, false
	}
	t, err := time.Parse(backupStamp, name[:len(backupStamp)])
	if err != nil {
		return b, false
	}
	b.Time = t
	rest := strings.TrimSuffix(strings.TrimPrefix(name[len(backupStamp):], "-"), ".coder")
	if c, note, _ := strings.Cut(rest, "-"); strings.HasPrefix(c, "c") {
		b.Changes, _ = strconv.ParseUint(c[1:], 10, 64)
		b.Note = strings.ReplaceAll(note, "-", " ")
	} else {
		b.Note = strings.ReplaceAll(rest, "-", " ")
	}
	return b, true
}

// ListBackups lists a project's backups, newest first, with the number of
// documents, codings and memos each holds.
func ListBackups(projectPath string) ([]Backup, error) {
	list, err := backupFiles(projectPath)
	for i := range list {
		b := &list[i]
		b.Err = countBackup(b)
	}
	return list, err
}

func countBackup(b *Backup) error {
	if err := checkHeader(b.Path); err != nil {
		return err
	}
	if err := verifyFile(b.Path); err != nil {
		return damagedError(b.Path, err.Error())
	}
	db, err := openBolt(b.Path, true, ReadLockTimeout)
	if err != nil {
		return err
	}
	defer db.bolt.Close()
	return db.View(func(tx *Tx) error {
		n := func(bucket []byte) int {
			if bk := tx.tx.Bucket(bucket); bk != nil {
				return bk.Stats().KeyN
			}
			return 0
		}
		if tx.tx.Bucket(bMeta) == nil {
			return &qda.Error{What: b.Path, Why: "this is not a Coder project"}
		}
		b.Documents, b.Codings, b.Memos = n(bDocs), n(bCodings), n(bMemos)
		return nil
	})
}

// backupRun keeps at most one background backup going and lets Close wait
// for it.
type backupRun struct {
	mu      sync.Mutex
	running bool
	wg      sync.WaitGroup
}

// start takes a backup in the background if one is due and none is running.
func (r *backupRun) start(db *DB) {
	if db.opt.Backups < 0 {
		return
	}
	r.mu.Lock()
	if r.running {
		r.mu.Unlock()
		return
	}
	r.running = true
	r.wg.Add(1)
	r.mu.Unlock()
	go func() {
		defer r.wg.Done()
		err := db.backup(false)
		r.mu.Lock()
		r.running = false
		r.mu.Unlock()
		if err != nil {
			db.warn(err)
		}
	}()
}

func (r *backupRun) wait() { r.wg.Wait() }

// backup copies the open file with bbolt's online copy (a consistent snapshot
// even while others write) unless the newest backup holds the same change
// count or, unless force, is younger than BackupEvery; then it prunes.
func (db *DB) backup(force bool) error {
	if db.opt.Backups < 0 {
		return nil
	}
	var changes uint64
	if err := db.View(func(tx *Tx) error { changes = tx.Changes(); return nil }); err != nil || changes == 0 {
		return err
	}
	existing, _ := backupFiles(db.path)
	if len(existing) > 0 {
		newest := existing[0]
		if newest.Changes == changes && newest.Note == "" {
			return nil
		}
		every := db.opt.BackupEvery
		if every == 0 {
			every = DefaultBackupEvery
		}
		if !force && time.Since(newest.Time) < every {
			return nil
		}
	}
	if _, err := db.writeBackup(changes, ""); err != nil {
		return err
	}
	return db.prune()
}

// writeBackup writes one backup of the open file and returns its path.
func (db *DB) writeBackup(changes uint64, note string) (string, error) {
	dir, err := makeBackupDir(db.path)
	if err != nil {
		return "", fmt.Errorf("no backup was written: cannot make the folder %s (%v); the project itself is fine, but make the folder writable", dir, unwrapPath(err))
	}
	name := filepath.Join(dir, backupName(time.Now(), changes, note))
	tmp := name + ".part"
	err = guard(db.path, func() error {
		return db.bolt.View(func(tx *bolt.Tx) error { return tx.CopyFile(tmp, 0o600) })
	})
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("no backup was written to %s (%v); the project itself is fine, but free some disk space", dir, unwrapPath(err))
	}
	return name, nil
}

func backupName(t time.Time, changes uint64, note string) string {
	name := t.UTC().Format(backupStamp) + fmt.Sprintf("-c%d", changes)
	if note != "" {
		name += "-" + strings.ReplaceAll(note, " ", "-")
	}
	return name + ".coder"
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// prune deletes the backups the policy no longer keeps.
func (db *DB) prune() error {
	list, err := backupFiles(db.path)
	if err != nil {
		return err
	}
	recent := db.opt.Backups
	if recent == 0 {
		recent = DefaultBackups
	}
	limit := db.opt.BackupBytes
	if limit == 0 {
		limit = DefaultBackupBytes
	}
	for _, b := range dropBackups(list, recent, limit, time.Now()) {
		os.Remove(b.Path)
	}
	return nil
}

// dropBackups chooses, from backups listed newest first, those to delete:
// everything but the newest recent, the newest of each of the last
// DailyBackups days and of each of the last WeeklyBackups weeks; then, oldest
// first, whatever goes over limit bytes, keeping the newest two regardless.
func dropBackups(list []Backup, recent int, limit int64, now time.Time) []Backup {
	keep := make([]bool, len(list))
	days, weeks := map[string]bool{}, map[string]bool{}
	for i, b := range list {
		if i < recent {
			keep[i] = true
		}
		t := b.Time.Local()
		day := t.Format("2006-01-02")
		if now.Sub(t) < DailyBackups*24*time.Hour && !days[day] {
			days[day], keep[i] = true, true
		}
		y, w := t.ISOWeek()
		week := fmt.Sprint(y, w)
		if now.Sub(t) < WeeklyBackups*7*24*time.Hour && !weeks[week] {
			weeks[week], keep[i] = true, true
		}
	}
	var drop []Backup
	var total int64
	kept := 0
	for i, b := range list {
		if keep[i] && (kept < 2 || total+b.Size <= limit) {
			kept++
			total += b.Size
			continue
		}
		drop = append(drop, b)
	}
	return drop
}
