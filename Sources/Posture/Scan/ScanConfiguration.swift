import Foundation
import PalisadeCore

/// What a user asks a scan to run, as the CLI (or API) collects it.
public struct ScanOptions: Sendable {
    /// User control directories (`--controls`).
    public var controlDirectories: [String] = []
    public var includeBuiltIn = true
    public var exceptionFiles: [String] = []
    /// `--control-config` file (YAML or JSON).
    public var controlConfigFile: String?
    /// `--pss LEVEL[:VERSION]`.
    public var podSecurity: String?
    /// A Kubescape regolibrary directory whose rules run as controls `KS-<rule>`.
    public var kubescapeDirectory: String?
    /// `--framework`: only controls mapped to it.
    public var framework: String?
    /// `--control`: only these ids or globs.
    public var controlIDs: [String] = []
    public var now: Timestamp
    public var threads: Int

    public init(now: Timestamp, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.now = now
        self.threads = threads
    }
}

/// Everything wrong with the options, one line each (file:line where there is one).
public struct ScanSetupError: Error, Sendable, CustomStringConvertible {
    public var lines: [String]
    public init(_ lines: [String]) { self.lines = lines }
    public var description: String { lines.joined(separator: "\n") }
}

/// A ready scan: loaded and compiled controls, exceptions and settings.
public struct ScanConfiguration: Sendable {
    public static let maxConfigBytes = 4 << 20

    public let scan: PostureScan
    public let settings: ScanSettings

    public init(_ options: ScanOptions) throws {
        var problems: [String] = []
        let library = Self.library(options, problems: &problems)
        let podSecurity = Self.podSecurity(options, problems: &problems)
        let kubescape = Self.kubescape(options, problems: &problems)
        let exceptions = options.exceptionFiles.flatMap { Self.exceptions($0, problems: &problems) }
        let config = options.controlConfigFile.map { Self.config($0, problems: &problems) } ?? .emptyObject
        guard problems.isEmpty, let library else { throw ScanSetupError(problems) }
        var filter = ControlFilter(framework: options.framework, ids: options.controlIDs)
        let kept = library.filter { filter.keeps($0.info) }
        let pssIDs = podSecurity.map { Set($0.controls.filter { filter.keeps($0) }.map(\.id)) }
        let kubescapeIDs = kubescape.map { Set($0.controls.filter { filter.keeps($0) }.map(\.id)) }
        problems += filter.problems(hasPodSecurity: podSecurity != nil)
        guard problems.isEmpty else { throw ScanSetupError(problems) }
        do {
            scan = PostureScan(scanner: try ControlScanner(library: kept), podSecurity: podSecurity, podSecurityIDs: pssIDs,
                               kubescape: kubescape, kubescapeIDs: kubescapeIDs)
        } catch let error as ControlLibraryError {
            throw ScanSetupError(error.problems.map(\.description))
        }
        settings = ScanSettings(controlConfig: config, exceptions: exceptions, now: options.now, threads: options.threads)
    }

    private static func library(_ options: ScanOptions, problems: inout [String]) -> ControlLibrary? {
        do {
            return try ControlLibrary.load(userDirectories: options.controlDirectories, includeBuiltIn: options.includeBuiltIn)
        } catch let error as ControlLibraryError {
            problems += error.problems.map(\.description)
        } catch {
            problems.append("\(error)")
        }
        return nil
    }

    private static func podSecurity(_ options: ScanOptions, problems: inout [String]) -> PodSecurityControls? {
        guard let text = options.podSecurity else { return nil }
        do {
            return PodSecurityControls(policy: try PodSecurityPolicy(parsing: text))
        } catch {
            problems.append("--pss: \(error)")
            return nil
        }
    }

    private static func kubescape(_ options: ScanOptions, problems: inout [String]) -> KubescapeControls? {
        guard let directory = options.kubescapeDirectory else { return nil }
        do {
            return try KubescapeControls(directory: directory)
        } catch {
            problems.append("--kubescape: \(error)")
            return nil
        }
    }

    private static func exceptions(_ path: String, problems: inout [String]) -> [ScanException] {
        do {
            return try ExceptionsFile.load(path: path)
        } catch {
            problems.append("\(error)")
            return []
        }
    }

    private static func config(_ path: String, problems: inout [String]) -> Value {
        let start = SourceLocation(file: path, line: 1, column: 1)
        do {
            guard let handle = FileHandle(forReadingAtPath: path) else { throw InputError("cannot read control config", at: start) }
            defer { try? handle.close() }
            let data = try handle.read(upToCount: maxConfigBytes + 1) ?? Data()
            guard data.count <= maxConfigBytes else { throw InputError("control config is larger than \(maxConfigBytes >> 20) MiB", at: start) }
            let value = try YAMLReader.decode(String(decoding: data, as: UTF8.self), file: path)
            if value == .null { return .emptyObject }
            guard case .object = value else { throw InputError("control config must be a map of settings", at: start) }
            return value
        } catch {
            problems.append("\(error)")
            return .emptyObject
        }
    }
}
