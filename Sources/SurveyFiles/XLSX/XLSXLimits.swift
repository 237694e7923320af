/// Safety limits applied while opening and reading an `.xlsx` workbook.
///
/// Zip sizes are checked from the central directory before anything is inflated, and enforced
/// again while inflating: an entry is inflated into a buffer of exactly its declared size, so a
/// lying header can never make the reader allocate or produce more than the limits allow.
public struct XLSXLimits: Sendable, Equatable {
    /// Largest uncompressed size of a single zip entry (sheet, shared strings, …).
    public var maxEntryBytes: Int
    /// Largest sum of the declared uncompressed sizes of all entries in the archive.
    public var maxTotalBytes: Int
    /// Largest uncompressed/compressed ratio accepted for an entry larger than
    /// `ratioCheckThresholdBytes` (real sheets compress about 5–30:1; zip bombs 1000:1 and more).
    public var maxCompressionRatio: Int
    /// Entries at or below this uncompressed size are not subject to the ratio check.
    public var ratioCheckThresholdBytes: Int
    /// Largest number of entries in the zip directory.
    public var maxEntries: Int
    /// Largest row number (Excel's own limit: 1,048,576).
    public var maxRows: Int
    /// Largest number of columns (Excel's own limit: 16,384, column XFD).
    public var maxColumns: Int

    public init(
        maxEntryBytes: Int = 1 << 30,
        maxTotalBytes: Int = 2 << 30,
        maxCompressionRatio: Int = 1_000,
        ratioCheckThresholdBytes: Int = 16 << 20,
        maxEntries: Int = 20_000,
        maxRows: Int = 1_048_576,
        maxColumns: Int = 16_384
    ) {
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckThresholdBytes = ratioCheckThresholdBytes
        self.maxEntries = maxEntries
        self.maxRows = maxRows
        self.maxColumns = maxColumns
    }

    /// 1 GiB per entry, 2 GiB in all, ratio 1000:1 above 16 MiB, Excel's row and column limits.
    public static let `default` = XLSXLimits()
}
