package store

// Store tests derive keys with cheap Argon2id parameters: the scheme is the
// same, the cost (64 MiB, 3 passes) only slows the tests down.
func init() { kdfParams.Memory, kdfParams.Time, kdfParams.Threads = 1024, 1, 1 }
