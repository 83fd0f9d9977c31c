import DetectionIO
import Foundation
import XCTest

/// file_output and stdout_output: one line per alert, appended; the file
/// sink reopens its path (log rotation).
final class OutputsFileSinkTests: XCTestCase {
    func testAppendsLinesAndReopensAfterRotation() throws {
        let directory = try AuditServerTestSupport.temporaryDirectory("filesink")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("alerts.log").path
        try Data("existing\n".utf8).write(to: URL(fileURLWithPath: path))
        let sink = try FileSink(path: path)
        sink.emit(OutputsTestSupport.alert(), line: "first")
        sink.emit(OutputsTestSupport.alert(), line: "second")
        try FileManager.default.moveItem(atPath: path, toPath: path + ".1")
        try sink.reopen()
        sink.emit(OutputsTestSupport.alert(), line: "third")
        sink.close()
        XCTAssertEqual(try String(contentsOfFile: path + ".1", encoding: .utf8), "existing\nfirst\nsecond\n")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "third\n")
        XCTAssertEqual(sink.statistics.delivered, 3)
    }

    func testUnwritablePathIsAnError() {
        XCTAssertThrowsError(try FileSink(path: "/nonexistent-dir/alerts.log"))
    }

    func testStdoutSinkWritesOneLinePerAlert() throws {
        let pipe = Pipe()
        let sink = StdoutSink(fileDescriptor: pipe.fileHandleForWriting.fileDescriptor)
        sink.emit(OutputsTestSupport.alert(), line: "one")
        sink.emit(OutputsTestSupport.alert(), line: "two")
        try pipe.fileHandleForWriting.close()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(text, "one\ntwo\n")
    }
}
