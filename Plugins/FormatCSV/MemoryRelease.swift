#if canImport(Glibc)
    import Glibc
#endif

/// Gives memory the allocator keeps after it was freed back to the system.
///
/// Joining a column's chunks frees the chunks' arrays, which are below glibc's (growing) threshold for
/// mapping memory of its own and so go back to its heap, where the joined columns (mapped, being large)
/// never reuse them: without this, a large file's load would hold about twice its columns at the end.
enum MemoryRelease {
    #if canImport(Glibc)
        /// glibc's `malloc_trim`, which the Glibc module does not export (it is in `malloc.h`).
        private static let trim: (@convention(c) (Int) -> Int32)? = dlsym(nil, "malloc_trim").map {
            unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self)
        }
    #endif

    static func returnFreedMemory() {
        #if canImport(Glibc)
            _ = trim?(0)
        #endif
    }
}
