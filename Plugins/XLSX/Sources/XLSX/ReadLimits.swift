/// How much a workbook may unpack to and hold, so that a zip bomb or a sheet with absurd dimensions
/// is an error instead of exhausting memory.
public struct ReadLimits: Sendable, Equatable {
    /// The most bytes one part (a sheet, the shared strings) may decompress to: 256 MiB.
    public var partBytes: Int
    /// The most bytes all parts read from one workbook may decompress to together: 512 MiB.
    public var totalBytes: Int
    /// The most cells the table read from a sheet may have, rows times columns, the empty ones
    /// included: 20,000,000.
    public var cells: Int

    public init(partBytes: Int = 256 << 20, totalBytes: Int = 512 << 20, cells: Int = 20_000_000) {
        self.partBytes = partBytes
        self.totalBytes = totalBytes
        self.cells = cells
    }
}
