import Foundation
import XCTest
@testable import Detection

/// Truncated and bit-flipped captures fail with an error (or decode what is
/// intact) and never crash.
final class SyscallEventsRobustnessTests: XCTestCase {
    func bytes(_ name: String) throws -> [UInt8] {
        let path = SyscallEventsTestSupport.captures + name + ".scap"
        guard let data = FileManager.default.contents(atPath: path) else { throw XCTSkip("shared capture absent: \(path)") }
        return [UInt8](data)
    }

    func testTruncatedCapturesFailCleanly() throws {
        for name in ["cat_write", "connect_localhost", "empty", "open-multiple-files", "ping_sendto", "syscall"] {
            let compressed = try bytes(name)
            let plain = try GzipInflater.decompress(compressed, limit: 1 << 26)
            for cut in stride(from: 0, to: plain.count, by: max(1, plain.count / 37)) where cut % 4 != 0 || cut < 64 {
                XCTAssertThrowsError(try ScapFileReader.read(bytes: Array(plain[0..<cut]), name: "\(name)[..\(cut)]"))
            }
            for cut in [10, compressed.count / 3, compressed.count - 9] {
                XCTAssertThrowsError(try ScapFileReader.read(bytes: Array(compressed[0..<cut]), name: "\(name).gz[..\(cut)]"))
            }
        }
    }

    func testBitFlipsNeverCrash() throws {
        var random = SplitMix64(seed: 7)
        var failures = 0, successes = 0
        for name in ["cat_write", "connect_localhost", "syscall"] {
            let plain = try GzipInflater.decompress(try bytes(name), limit: 1 << 26)
            for _ in 0..<40 {
                var mutated = plain
                for _ in 0..<3 {
                    let index = Int(random.next(UInt64(mutated.count)))
                    mutated[index] ^= UInt8(1 << random.next(8))
                }
                if (try? ScapFileReader.read(bytes: mutated, name: "mutated")) != nil { successes += 1 } else { failures += 1 }
            }
            var header = plain
            header[4] = 0xFF
            XCTAssertThrowsError(try ScapFileReader.read(bytes: header, name: "bad-length"))
        }
        XCTAssertEqual(failures + successes, 120)
    }

    func testUnknownBlockAndGarbage() {
        XCTAssertThrowsError(try ScapFileReader.read(bytes: [], name: "empty"))
        XCTAssertThrowsError(try ScapFileReader.read(bytes: Array("not a capture".utf8), name: "text"))
        var block: [UInt8] = [0x0A, 0x0D, 0x0D, 0x0A, 28, 0, 0, 0, 0x4D, 0x3C, 0x2B, 0x1A, 1, 0, 2, 0]
        block += [UInt8](repeating: 0xFF, count: 8) + [28, 0, 0, 0]
        XCTAssertNoThrow(try ScapFileReader.read(bytes: block, name: "header-only"))
        let unknown: [UInt8] = [0x99, 0x09, 0, 0, 12, 0, 0, 0, 12, 0, 0, 0]
        XCTAssertThrowsError(try ScapFileReader.read(bytes: block + unknown, name: "unknown")) { error in
            XCTAssertTrue("\(error)".contains("unknown block type"), "\(error)")
        }
        XCTAssertThrowsError(try GzipInflater.decompress([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF], limit: 100))
    }
}
