import Foundation
import PalisadeCore

/// A gator `Suite` (test.gatekeeper.sh/v1alpha1) as `gator verify` reads it.
/// Paths inside are relative to the suite file.
public struct GatorSuite: Sendable {
    public struct Test: Sendable {
        public var name: String
        public var template: String
        public var constraint: String
        public var cases: [Case]
        /// The template or constraint is expected to be rejected.
        public var invalid: Bool
        public var skip: Bool
    }

    public struct Case: Sendable {
        public var name: String
        public var object: String
        public var inventory: [String]
        public var assertions: [Assertion]
        public var skip: Bool
    }

    public var file: String
    public var name: String
    public var tests: [Test]
    public var skip: Bool

    public init(_ document: Value, file: String) throws {
        self.file = file
        guard document["kind"]?.stringValue == "Suite" else {
            throw GatekeeperError("expected kind Suite, found \(document["kind"]?.stringValue ?? "none")", file: file)
        }
        name = document.gatekeeperPath("metadata", "name")?.stringValue ?? ""
        skip = document["skip"]?.boolValue ?? false
        tests = try (document["tests"]?.arrayValue ?? []).enumerated().map { i, test in
            let testName = test["name"]?.stringValue ?? "test-\(i)"
            let cases = try (test["cases"]?.arrayValue ?? []).enumerated().map { j, c in
                Case(name: c["name"]?.stringValue ?? "case-\(j)",
                     object: c["object"]?.stringValue ?? "",
                     inventory: c.gatekeeperStrings("inventory"),
                     assertions: try (c["assertions"]?.arrayValue ?? []).map { try Assertion($0, file: file) },
                     skip: c["skip"]?.boolValue ?? false)
            }
            return Test(name: testName, template: test["template"]?.stringValue ?? "",
                        constraint: test["constraint"]?.stringValue ?? "", cases: cases,
                        invalid: test["invalid"]?.boolValue ?? false, skip: test["skip"]?.boolValue ?? false)
        }
    }

    /// Reads a suite file.
    public static func load(_ path: String) throws -> GatorSuite {
        let docs = try GatorFiles.documents(path)
        guard docs.count == 1 else {
            throw GatekeeperError("expected one Suite document, found \(docs.count)", file: path)
        }
        return try GatorSuite(docs[0], file: path)
    }

    /// Every `suite.yaml`-style file below `directory` whose kind is Suite, sorted by path.
    public static func find(in directory: String) throws -> [String] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir) else {
            throw GatekeeperError("cannot read directory", file: directory)
        }
        if !isDir.boolValue { return [directory] }
        guard let walker = fm.enumerator(atPath: directory) else { throw GatekeeperError("cannot read directory", file: directory) }
        var found: [String] = []
        while let rel = walker.nextObject() as? String {
            guard rel.hasSuffix(".yaml") || rel.hasSuffix(".yml") else { continue }
            let path = (directory as NSString).appendingPathComponent(rel)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                  text.contains("kind: Suite") else { continue }
            found.append(path)
        }
        return found.sorted()
    }
}

/// One gator assertion: how many violations (optionally matching `message`) are expected.
public struct Assertion: Sendable {
    public enum Expectation: Sendable, Equatable {
        case some, none, exactly(Int)
    }

    public var violations: Expectation
    /// A Go/RE2 regular expression searched (unanchored) in each message.
    public var message: String?
    let regex: NSRegularExpression?

    public init(_ value: Value, file: String) throws {
        switch value["violations"] {
        case nil, .null?: violations = .some
        case .bool(let b)?: violations = b ? .some : .none
        case .string(let s)?:
            switch s.lowercased() {
            case "yes", "true": violations = .some
            case "no", "false": violations = .none
            default:
                guard let n = Int(s), n >= 0 else {
                    throw GatekeeperError("assertion violations must be yes, no or a count, found \"\(s)\"", file: file)
                }
                violations = .exactly(n)
            }
        case .number(let n)?:
            guard let i = n.intValue, i >= 0 else { throw GatekeeperError("assertion violations must be a non-negative integer", file: file) }
            violations = .exactly(i)
        case let other?:
            throw GatekeeperError("assertion violations must be yes, no or a count, found \(other)", file: file)
        }
        message = value["message"]?.stringValue
        if let message {
            do { regex = try NSRegularExpression(pattern: message) } catch {
                throw GatekeeperError("assertion message is not a valid regular expression: \(message)", file: file)
            }
        } else {
            regex = nil
        }
    }

    /// Nil when the assertion holds, otherwise why it failed.
    public func check(_ violations: [Violation]) -> String? {
        let counted = violations.filter { v in
            guard let regex else { return true }
            return regex.firstMatch(in: v.message, range: NSRange(v.message.startIndex..., in: v.message)) != nil
        }
        let what = message.map { "violations matching \"\($0)\"" } ?? "violations"
        let got = counted.count
        let messages = violations.isEmpty ? "" : " (got: " + violations.map { "\"\($0.message)\"" }.joined(separator: ", ") + ")"
        switch self.violations {
        case .some where got == 0: return "expected at least one of the \(what), got none\(messages)"
        case .none where got > 0: return "expected no \(what), got \(got)\(messages)"
        case .exactly(let n) where got != n: return "expected \(n) \(what), got \(got)\(messages)"
        default: return nil
        }
    }
}

/// Reads YAML/JSON files as documents, as gator does.
public enum GatorFiles {
    public static func documents(_ path: String) throws -> [Value] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GatekeeperError("cannot read file", file: path)
        }
        let text = String(decoding: data, as: UTF8.self)
        return try YAMLReader.documents(text, file: path).map(\.value).filter { if case .null = $0 { return false }; return true }
    }

    /// Resolves `relative` against the directory of `base`.
    public static func resolve(_ relative: String, from base: String) -> String {
        if relative.hasPrefix("/") { return relative }
        return ((base as NSString).deletingLastPathComponent as NSString).appendingPathComponent(relative)
    }
}
