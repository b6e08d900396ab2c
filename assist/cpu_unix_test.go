//go:build unix

package assist

import "syscall"

// cpuSeconds is the CPU time this process has used, user and system: on a
// shared machine it says more about the code than the wall clock does.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
