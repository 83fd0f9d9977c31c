/// A semantic version `major.minor.patch`; a bare integer N means 0.N.0
/// (the old `required_engine_version` form).
public struct EngineVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int

    /// The engine version this loader implements (Falco's at the corpus snapshot).
    public static let current = EngineVersion(major: 0, minor: 63, patch: 0)

    public init(major: Int, minor: Int, patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses `x.y.z` (pre-release/build suffixes ignored) or an integer.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let number = Int(trimmed), number >= 0 {
            self.init(major: 0, minor: number, patch: 0)
            return
        }
        let core = trimmed.split(whereSeparator: { $0 == "-" || $0 == "+" }).first.map(String.init) ?? ""
        let parts = core.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, let major = parts[0], let minor = parts[1], let patch = parts[2],
              major >= 0, minor >= 0, patch >= 0 else { return nil }
        self.init(major: major, minor: minor, patch: patch)
    }

    public static func < (lhs: EngineVersion, rhs: EngineVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    public var description: String { "\(major).\(minor).\(patch)" }
}

import Foundation
