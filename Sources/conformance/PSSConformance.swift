import Foundation
import PalisadeCore
import Posture

/// Kubernetes' Pod Security fixtures (`index.json` + `testdata/` below DIR):
/// each row is one case, judged by whether the evaluator allows or denies the
/// pod at the row's level and version and, for a denial, whether the
/// admission message contains the expected substring (the check ID by default).
struct PSSConformance: ConformanceSuite {
    static let maxIndexBytes = 32 << 20

    func units(_ options: ConformanceOptions) throws -> [ConformanceUnit] {
        try ConformanceSuites.checkDirectory(options.directory)
        let indexPath = (options.directory as NSString).appendingPathComponent("index.json")
        let rows = try PSSCase.loadIndex(indexPath, directory: options.directory)
        var groups: [String: [PSSCase]] = [:]
        var order: [String] = []
        for row in rows where options.selects(row.path, row.name) {
            if groups[row.group] == nil { order.append(row.group) }
            groups[row.group, default: []].append(row)
        }
        return order.map { group in
            let cases = groups[group] ?? []
            return ConformanceUnit(file: group, name: "(\(cases.count) fixtures)", timeLimit: options.timeout * 10 + 30) {
                cases.map { CaseResult(file: $0.path, name: $0.name, failure: $0.judge()) }
            }
        }
    }
}

/// One fixture row of `index.json`.
struct PSSCase: Sendable {
    static let maxFixtureBytes = 1 << 20

    var path: String
    var level: String
    var version: String
    var expectAllowed: Bool
    var check: String
    var substring: String

    var group: String { (path as NSString).deletingLastPathComponent }
    var name: String { "\(check) \(expectAllowed ? "allowed" : "denied") at \(level):\(version)" }

    static func loadIndex(_ indexPath: String, directory: String) throws -> [PSSCase] {
        let bytes = try readBounded(indexPath, limit: PSSConformance.maxIndexBytes)
        guard let list = try JSONReader.decode(bytes: bytes, file: indexPath).arrayValue else {
            throw InputError("index.json must be an array of fixture rows", at: SourceLocation(file: indexPath, line: 1, column: 1))
        }
        return try list.enumerated().map { index, row in try PSSCase(row, index: index, indexPath: indexPath, directory: directory) }
    }

    init(_ row: Value, index: Int, indexPath: String, directory: String) throws {
        func field(_ key: String) throws -> String {
            guard let text = row[key]?.stringValue else {
                throw InputError("row \(index): missing string field \"\(key)\"", at: SourceLocation(file: indexPath, line: 1, column: 1))
            }
            return text
        }
        path = (directory as NSString).appendingPathComponent(try field("file"))
        level = try field("level")
        version = try field("version")
        expectAllowed = try field("expect") == "allowed"
        check = try field("check")
        substring = row["expectErrorSubstring"]?.stringValue ?? check
    }

    /// Nil when the evaluator agrees with the fixture, otherwise why not.
    func judge() -> String? {
        let policy: PodSecurityPolicy
        do { policy = try PodSecurityPolicy(parsing: "\(level):\(version)") } catch { return "\(error)" }
        let pod: (metadata: Value?, spec: Value)
        do {
            let text = String(decoding: try Self.readBounded(path, limit: Self.maxFixtureBytes), as: UTF8.self)
            guard let found = PodSecurityPodSpec.extract(from: try YAMLReader.decode(text, file: path)) else {
                return "\(path):1:1: no pod spec found"
            }
            pod = found
        } catch {
            return "\(error)"
        }
        let violations = PodSecurityEvaluator.evaluate(podMetadata: pod.metadata, podSpec: pod.spec, policy: policy)
        let message = PodSecurityEvaluator.denialMessage(violations, policy: policy)
        switch (expectAllowed, message) {
        case (true, nil): return nil
        case (true, let message?): return "expected allowed, got denied: \(message)"
        case (false, nil): return "expected denied (\(substring)), got allowed"
        case (false, let message?):
            return message.contains(substring) ? nil : "expected a denial containing \"\(substring)\", got: \(message)"
        }
    }

    static func readBounded(_ path: String, limit: Int) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError("cannot read file", at: SourceLocation(file: path, line: 1, column: 1))
        }
        defer { try? handle.close() }
        let data = (try handle.read(upToCount: limit + 1)) ?? Data()
        guard data.count <= limit else {
            throw InputError("file is larger than \(limit) bytes", at: SourceLocation(file: path, line: 1, column: 1))
        }
        return Array(data)
    }
}
