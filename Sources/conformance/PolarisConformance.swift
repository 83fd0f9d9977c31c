import Foundation
import Kube
import PalisadeCore
import Posture

/// Polaris' check fixtures (DIR is a copy of Polaris' test data with an
/// `index.json`, see its SOURCE.md), run against the built-in control library
/// restricted to the controls equivalent to each Polaris check
/// (PolarisWorkloadEquivalents + PolarisClusterEquivalents).
///
/// - `audit` rows of checks with an equivalent: the fixture file's objects
///   are scanned together (related objects in one file matter); a `pass` row
///   must give no failed result from the equivalent controls and a `fail` row
///   at least one. In both, at least one equivalent control must apply (Polaris
///   requires the check to run), and an evaluation error fails the case.
/// - `webhook` rows (Polaris' admission webhook with its default config, which
///   rejects on `danger` results): the equivalent controls of every check that
///   default.yaml sets to `danger` run; `admitted` must give no failed result,
///   `rejected` at least one.
/// - A check whose `target` names a kind (`rbac.authorization.k8s.io/RoleBinding`)
///   only counts results on objects of that kind: Polaris runs it on nothing else
///   (a Role in a RoleBinding fixture is judged by Polaris' Role check, not this one).
/// - Polaris' exemption annotations on a fixture object become Palisade
///   exceptions for that object (`polaris.fairwinds.com/exempt: "true"` for
///   every control, `polaris.fairwinds.com/<check>-exempt: "true"` for the
///   check's equivalents), so the exemption path of the scan is what is judged.
/// - `mutation` rows (`polaris fix` output) and checks without an equivalent are
///   not cases; one note line lists those checks and why they have none.
struct PolarisConformance: ConformanceSuite {
    static let maxFileBytes = 8 << 20

    func units(_ options: ConformanceOptions) throws -> [ConformanceUnit] {
        try ConformanceSuites.checkDirectory(options.directory)
        let rows = try PolarisCase.loadIndex(directory: options.directory)
        let equivalents = PolarisConformance.equivalents
        if options.workerStart == nil { printNote(rows: rows) }
        let dangerChecks = try PolarisCase.dangerChecks(directory: options.directory)
        var groups: [String: [PolarisCase]] = [:]
        for row in rows where options.selects(row.file, row.check) {
            switch row.kind {
            case "audit" where equivalents[row.check] != nil:
                var auditRow = row
                auditRow.targetKind = PolarisCase.targetKind(check: row.check, directory: options.directory)
                groups[row.check, default: []].append(auditRow)
            case "webhook":
                var webhookRow = row
                webhookRow.controls = dangerChecks.flatMap { equivalents[$0] ?? [] }
                groups[row.check, default: []].append(webhookRow)
            default:
                continue
            }
        }
        return groups.keys.sorted().map { check in
            let cases = (groups[check] ?? []).map { row -> PolarisCase in
                var row = row
                if row.controls.isEmpty { row.controls = equivalents[check] ?? [] }
                return row
            }
            return ConformanceUnit(file: check, name: "(\(cases.count) fixtures)", timeLimit: options.timeout * Double(cases.count) + 30) {
                cases.map { CaseResult(file: $0.file, name: "\($0.check) \($0.expect)", failure: $0.judge()) }
            }
        }
    }

    /// Polaris check → equivalent control ids, both tables merged.
    static var equivalents: [String: [String]] {
        PolarisWorkloadEquivalents.controls.merging(PolarisClusterEquivalents.controls) { $0 + $1 }
    }

    static var withoutEquivalent: [String: String] {
        PolarisWorkloadEquivalents.withoutEquivalent.merging(PolarisClusterEquivalents.withoutEquivalent) { first, _ in first }
    }

    private func printNote(rows: [PolarisCase]) {
        let reasons = Self.withoutEquivalent
        let checks = Set(rows.filter { $0.kind == "audit" }.map(\.check)).filter { Self.equivalents[$0] == nil }.sorted()
        let listed = checks.map { "\($0) (\(reasons[$0] ?? "no reason given"))" }
        print("note: \(checks.count) Polaris checks without an equivalent control, not run: " + (listed.isEmpty ? "none" : listed.joined(separator: "; ")))
    }
}

/// One row of `index.json`.
struct PolarisCase: Sendable {
    var file: String
    var check: String
    var kind: String
    var expect: String
    /// The control ids whose results decide the case.
    var controls: [String] = []
    /// The kind a Polaris check targets when it names one (`rbac.authorization.k8s.io/RoleBinding`):
    /// only results on objects of that kind count, as Polaris runs the check on nothing else.
    var targetKind: String?

    /// True when the row expects at least one failed result.
    var expectsFailure: Bool { expect == "fail" || expect == "rejected" }

    static func loadIndex(directory: String) throws -> [PolarisCase] {
        let path = (directory as NSString).appendingPathComponent("index.json")
        let value = try JSONReader.decode(bytes: try readBounded(path), file: path)
        guard let list = value.arrayValue else {
            throw InputError("index.json must be an array of fixture rows", at: SourceLocation(file: path, line: 1, column: 1))
        }
        return list.compactMap { row in
            guard let file = row["file"]?.stringValue, let check = row["check"]?.stringValue, let kind = row["kind"]?.stringValue else { return nil }
            return PolarisCase(file: (directory as NSString).appendingPathComponent(file), check: check, kind: kind,
                               expect: row["expect"]?.stringValue ?? "")
        }
    }

    /// The kind in a check definition's `target: group/Kind`; nil for Container, PodSpec, Controller...
    static func targetKind(check: String, directory: String) -> String? {
        let path = (directory as NSString).appendingPathComponent("checks-defs/\(check).yaml")
        guard let bytes = try? readBounded(path),
              let definition = try? YAMLReader.decode(String(decoding: bytes, as: UTF8.self), file: path),
              let target = definition["target"]?.stringValue, let slash = target.lastIndex(of: "/") else { return nil }
        return String(target[target.index(after: slash)...])
    }

    /// The checks Polaris' default.yaml sets to `danger` (what its webhook rejects on).
    static func dangerChecks(directory: String) throws -> [String] {
        let path = (directory as NSString).appendingPathComponent("default.yaml")
        let config = try YAMLReader.decode(String(decoding: try readBounded(path), as: UTF8.self), file: path)
        guard let checks = config["checks"]?.objectValue else { return [] }
        return checks.compactMap { key, level in level.stringValue == "danger" ? key.stringValue : nil }.sorted()
    }

    static func readBounded(_ path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError("cannot read file", at: SourceLocation(file: path, line: 1, column: 1))
        }
        defer { try? handle.close() }
        let data = try handle.read(upToCount: PolarisConformance.maxFileBytes) ?? Data()
        return [UInt8](data)
    }

    /// Nil when the controls agree with the fixture, otherwise why not.
    func judge() -> String? {
        let scanner: ControlScanner
        switch PolarisScanner.shared {
        case .success(let built): scanner = built
        case .failure(let error): return "cannot load the control library: \(error)"
        }
        let missing = controls.filter { scanner.library.control(id: $0) == nil }
        if !missing.isEmpty { return "equivalent control(s) \(missing.joined(separator: ", ")) not in the library" }
        let manifests = ManifestLoader().load(file: file)
        if let error = manifests.errors.first { return "cannot load fixture: \(error)" }
        let wanted = Set(controls)
        let settings = ScanSettings(exceptions: PolarisExemptions.exceptions(manifests.objects), now: PolarisScanner.now, threads: 1)
        let report = PostureScan(scanner: scanner).scan(ScanInputs(manifests: manifests, descriptions: [file]), settings: settings)
        if let error = report.errors.first(where: { error in wanted.contains { error.contains(": \($0): ") } }) { return error }
        var applied = report.controls.filter { wanted.contains($0.control.id) }.map(\.total).reduce(0, +)
        if let targetKind {
            let appliesToTarget = controls.contains { scanner.library.control(id: $0)?.applies(toKind: targetKind) == true }
            applied = appliesToTarget ? manifests.objects.filter { $0.kind == targetKind }.count : 0
        }
        let failures = report.failures.filter { wanted.contains($0.ruleID) && (targetKind == nil || $0.resource?.kind == targetKind) }.map { "\($0.ruleID) on \($0.resource.map { "\($0)" } ?? "-"): \($0.message)" }
        if applied == 0 { return "none of \(controls.joined(separator: ", ")) applies to the fixture's objects" }
        if expectsFailure, failures.isEmpty { return "expected a failure from \(controls.joined(separator: ", ")), got none" }
        if !expectsFailure, !failures.isEmpty { return "expected no failure, got: " + failures.prefix(3).joined(separator: "; ") }
        return nil
    }
}

/// Polaris' exemption annotations as Palisade exceptions of the annotated object.
enum PolarisExemptions {
    static let prefix = "polaris.fairwinds.com/"

    static func exceptions(_ objects: [KubeObject]) -> [ScanException] {
        let equivalents = PolarisConformance.equivalents
        return objects.flatMap { object -> [ScanException] in
            object.annotations.sorted { $0.key < $1.key }.flatMap { key, value -> [ScanException] in
                guard value == "true", key.hasPrefix(prefix), key.hasSuffix("exempt") else { return [] }
                let name = String(key.dropFirst(prefix.count))
                let ids = name == "exempt" ? ["*"] : (equivalents[String(name.dropLast("-exempt".count))] ?? [])
                return ids.map { id in
                    ScanException(control: GlobPattern(id), kind: GlobPattern(object.kind), namespace: GlobPattern(object.namespace ?? ""),
                                  name: GlobPattern(object.name), justification: "\(key) annotation", origin: .annotation(object.ref))
                }
            }
        }
    }
}

/// The built-in library compiled once per process, restricted to the controls
/// that have a Polaris equivalent.
enum PolarisScanner {
    static let now = Timestamp(seconds: 1_767_225_600)   // 2026-01-01T00:00:00Z, fixed for reproducibility

    static let shared: Result<ControlScanner, ScanSetupError> = {
        let wanted = Set(PolarisConformance.equivalents.values.joined())
        do {
            let library = try ControlLibrary.load().filter { wanted.contains($0.info.id) }
            return .success(try ControlScanner(library: library))
        } catch let error as ControlLibraryError {
            return .failure(ScanSetupError(error.problems.map(\.description)))
        } catch {
            return .failure(ScanSetupError(["\(error)"]))
        }
    }()
}
