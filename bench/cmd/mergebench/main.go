// Command mergebench measures merging two copies of the large bench project
// (1,000 documents, 100 codes, 100,000 codings each, half of them shared) as
// `coder merge` and File ▸ Merge a colleague's project… do, and prints one
// markdown table. The target is at most 10 s and 300 MB of heap.
//
//	go run ./bench/cmd/mergebench
//	go run ./bench/cmd/mergebench -codings 20000
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"strings"

	"coder/bench"
)

func main() {
	codings := flag.Int("codings", 100000, "codings in each copy")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	flag.Parse()
	if *profile != "" {
		pf, err := os.Create(*profile)
		if err != nil {
			fail(err)
		}
		pprof.StartCPUProfile(pf)
		defer pprof.StopCPUProfile()
	}
	dir, err := os.MkdirTemp("", "coder-mergebench-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(dir)
	f, err := bench.RunMerge(dir, *codings, *codings/2)
	if err != nil {
		fail(err)
	}
	fmt.Println("| merge | codings each | shared | after | time | CPU | peak heap | peak RSS |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|---:|")
	fmt.Printf("| two copies of the bench project | %d | %d | %d | %.1f s | %.1f s | %d MB | %d MB |\n",
		f.Codings, f.Shared, f.Result, f.Time.Seconds(), f.CPU.Seconds(), f.PeakHeap>>20, f.PeakRSS>>20)
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Printf("\nLoad average at the end: %s(time is wall-clock: other work on the machine lengthens it; CPU is this process's own)\n", strings.Fields(string(load))[0]+" ")
	}
	if f.Time.Seconds() > 10 || f.PeakHeap > 300<<20 {
		fmt.Println("\nOver the target (10 s, 300 MB heap).")
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "mergebench:", err)
	os.Exit(1)
}
