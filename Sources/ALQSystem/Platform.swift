// alq runs on Linux with glibc (docs/architecture.md, "Platforms"): the system helpers, the REPL's
// signal handling and the plugin host use Linux interfaces (/proc/self/fd, glibc's posix_spawn
// extensions, TIOCGWINSZ as glibc spells it). Other systems get this message rather than a build that
// half works.
#if !os(Linux)
    #error("alq supports Linux only (see docs/architecture.md, Platforms)")
#endif
