package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// While a project is open for writing, a small side file .NAME.lock-owner
// beside it says who holds it, so that a second process refused by the lock
// can say which process that is. It is a courtesy: the lock itself is
// bbolt's, and a side file that cannot be written changes nothing.

type lockOwner struct {
	PID    int       `json:"pid"`
	Host   string    `json:"host"`
	Holder string    `json:"holder"`
	Since  time.Time `json:"since"`
}

func lockOwnerPath(path string) string {
	dir, name := filepath.Split(path)
	return filepath.Join(dir, "."+name+".lock-owner")
}

// claim writes the side file for this process.
func (db *DB) claim(holder string) {
	if holder == "" {
		holder = defaultHolder()
	}
	host, _ := os.Hostname()
	data, _ := json.Marshal(lockOwner{PID: os.Getpid(), Host: host, Holder: holder, Since: time.Now()})
	os.WriteFile(lockOwnerPath(db.path), data, 0o600)
}

// release removes the side file if it is this process's.
func (db *DB) release() {
	if db.readOnly {
		return
	}
	if o, ok := readLockOwner(db.path); ok && o.PID == os.Getpid() {
		os.Remove(lockOwnerPath(db.path))
	}
}

func readLockOwner(path string) (lockOwner, bool) {
	var o lockOwner
	data, err := os.ReadFile(lockOwnerPath(path))
	if err != nil || json.Unmarshal(data, &o) != nil || o.PID == 0 {
		return o, false
	}
	return o, true
}

// lockHolder describes the process holding path, or returns "" when that is
// not known (no side file, or one left by a process that is gone).
func lockHolder(path string) string {
	o, ok := readLockOwner(path)
	if !ok {
		return ""
	}
	host, _ := os.Hostname()
	if o.Host == host {
		if p, err := os.FindProcess(o.PID); err != nil || errors.Is(p.Signal(syscall.Signal(0)), os.ErrProcessDone) {
			return ""
		}
	}
	where := fmt.Sprintf("process %d", o.PID)
	if o.Host != host {
		where += " on " + o.Host
	}
	return fmt.Sprintf("held by %s, %s, since %s", o.Holder, where, o.Since.Local().Format("15:04 on 2 Jan"))
}

func defaultHolder() string {
	args := os.Args
	name := "coder"
	if len(args) > 1 && !strings.HasSuffix(args[1], ".coder") && !strings.HasPrefix(args[1], "-") && args[1] != "open" {
		return "'" + name + " " + args[1] + "'"
	}
	return "the Coder app"
}
