import Foundation
import ZIPFoundation

/// The parts of a workbook's zip container, each read whole into memory within ``ReadLimits``.
final class ZipParts {
    private let archive: Archive
    private let limits: ReadLimits
    private var bytesRead = 0

    /// Opens the zip at `path`, which must be a regular file (a FIFO would block, a device never end).
    init(path: String, limits: ReadLimits) throws(XLSXError) {
        self.limits = limits
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else {
            throw XLSXError("there is no such file")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw XLSXError("it is not a regular file")
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw XLSXError("it is not an xlsx workbook: not a zip archive")
        }
    }

    /// Opens the zip held in `bytes`.
    init(bytes: [UInt8], limits: ReadLimits) throws(XLSXError) {
        self.limits = limits
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw XLSXError("it is not an xlsx workbook: not a zip archive")
        }
    }

    /// Whether the part exists.
    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The part's bytes; `nil` when there is no such part. `progress` is called for each piece unpacked.
    func read(_ path: String, progress: () -> Void = {}) throws(XLSXError) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        guard entry.type == .file else { throw XLSXError("the part \(path) is not a file") }
        let partLimit = min(limits.partBytes, limits.totalBytes - bytesRead)
        if entry.uncompressedSize > UInt64(max(partLimit, 0)) { throw tooLarge(path) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The sizes in the zip's directory may lie: the count is checked as the bytes come.
                guard bytes.count + chunk.count <= partLimit else { throw PartTooLarge() }
                bytes.append(contentsOf: chunk)
                progress()
            }
        } catch is PartTooLarge {
            throw tooLarge(path)
        } catch {
            throw XLSXError("the part \(path) cannot be unpacked: \(error)")
        }
        bytesRead += bytes.count
        return bytes
    }

    private func tooLarge(_ path: String) -> XLSXError {
        XLSXError(
            "the part \(path) unpacks to more than alq reads (\(limits.partBytes >> 20) MiB a part, \(limits.totalBytes >> 20) MiB a workbook)"
        )
    }

    private struct PartTooLarge: Error {}
}
