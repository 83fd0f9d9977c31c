import DetectionIO
import Foundation
import XCTest

/// Following a JSON-lines audit log: appends, rotation by rename and by
/// truncation, oversized lines, start position.
final class AuditServerTailerTests: XCTestCase {
    private var directory: URL!
    private var path: String { directory.appendingPathComponent("audit.log").path }

    override func setUpWithError() throws {
        directory = try AuditServerTestSupport.temporaryDirectory("tailer")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
    }

    func testReadsFromBeginningAndFollowsAppends() throws {
        try write("{\"n\":1}\n{\"n\":2}\n", to: path)
        let lines = CollectedLines()
        let tailer = AuditLogTailer(path: path, options: fastOptions(startAtBeginning: true)) { lines.add($0) }
        tailer.start()
        defer { tailer.stop() }
        try append("{\"n\":3}\n{\"n\"", to: path)
        try append(":4}\n", to: path)
        XCTAssertTrue(lines.wait(count: 4), "got \(lines.all)")
        XCTAssertEqual(lines.all, [#"{"n":1}"#, #"{"n":2}"#, #"{"n":3}"#, #"{"n":4}"#])
    }

    func testStartsAtEndByDefault() throws {
        try write("old\n", to: path)
        let lines = CollectedLines()
        let tailer = AuditLogTailer(path: path, options: fastOptions(startAtBeginning: false)) { lines.add($0) }
        tailer.start()
        defer { tailer.stop() }
        Thread.sleep(forTimeInterval: 0.1)
        try append("new\n", to: path)
        XCTAssertTrue(lines.wait(count: 1))
        XCTAssertEqual(lines.all, ["new"])
    }

    func testFollowsRotationByRename() throws {
        try write("a\n", to: path)
        let lines = CollectedLines()
        let tailer = AuditLogTailer(path: path, options: fastOptions(startAtBeginning: true)) { lines.add($0) }
        tailer.start()
        defer { tailer.stop() }
        XCTAssertTrue(lines.wait(count: 1))
        // The writer still holds the old file while it is renamed away, writes its
        // last line there, then moves on to a new file at the same path.
        let writer = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        writer.seekToEndOfFile()
        try FileManager.default.moveItem(atPath: path, toPath: path + ".1")
        writer.write(Data("b\n".utf8))
        try writer.close()
        try write("c\nd\n", to: path)
        XCTAssertTrue(lines.wait(count: 4), "got \(lines.all)")
        XCTAssertEqual(lines.all, ["a", "b", "c", "d"])
        XCTAssertTrue(wait { tailer.statistics.rotations == 1 })
    }

    func testFollowsTruncation() throws {
        try write("first-line-long\n", to: path)
        let lines = CollectedLines()
        let tailer = AuditLogTailer(path: path, options: fastOptions(startAtBeginning: true)) { lines.add($0) }
        tailer.start()
        defer { tailer.stop() }
        XCTAssertTrue(lines.wait(count: 1))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 0)
        try handle.close()
        XCTAssertTrue(wait { tailer.statistics.truncations == 1 })
        try append("x\n", to: path)
        XCTAssertTrue(lines.wait(count: 2), "got \(lines.all)")
        XCTAssertEqual(lines.all, ["first-line-long", "x"])
    }

    func testSkipsOversizedLines() throws {
        let long = String(repeating: "y", count: 300)
        try write("\(long)\nshort\n\(long)", to: path)
        let lines = CollectedLines()
        var options = fastOptions(startAtBeginning: true)
        options.maxLineBytes = 100
        options.readChunkBytes = 4096
        let tailer = AuditLogTailer(path: path, options: options) { lines.add($0) }
        tailer.start()
        defer { tailer.stop() }
        XCTAssertTrue(lines.wait(count: 1))
        XCTAssertTrue(wait { tailer.statistics.oversizedLines == 2 })
        try append("\nafter\n", to: path)
        XCTAssertTrue(lines.wait(count: 2))
        XCTAssertEqual(lines.all, ["short", "after"])
    }

    func testWaitsForFileToAppear() throws {
        let lines = CollectedLines()
        let tailer = AuditLogTailer(path: path, options: fastOptions(startAtBeginning: false)) { lines.add($0) }
        tailer.start()
        defer { tailer.stop() }
        Thread.sleep(forTimeInterval: 0.1)
        try write("born\n", to: path)
        XCTAssertTrue(lines.wait(count: 1))
        XCTAssertEqual(lines.all, ["born"])
    }

    private func fastOptions(startAtBeginning: Bool) -> AuditLogTailer.Options {
        AuditLogTailer.Options(startAtBeginning: startAtBeginning, pollInterval: 0.02)
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func append(_ text: String, to path: String) throws {
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    private func wait(timeout: TimeInterval = 5, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return condition()
    }
}

final class CollectedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func add(_ bytes: [UInt8]) {
        lock.lock()
        lines.append(String(decoding: bytes, as: UTF8.self))
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }

    func wait(count: Int, timeout: TimeInterval = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if all.count >= count { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return all.count >= count
    }
}
