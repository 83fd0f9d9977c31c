import PalisadeCore
import Foundation

/// How the engine selects rules and formats alerts (Falco's `rule_matching`,
/// `priority`, enabled sources, `-t`/`-T` tags, `-D` rule names, hostname).
public struct DetectionOptions: Sendable {
    public enum RuleMatching: String, Sendable, CaseIterable {
        /// Only the first matching rule (in rule order) alerts: Falco's default.
        case first
        /// Every matching rule alerts, in rule order.
        case all
    }

    public var ruleMatching: RuleMatching = .first
    /// Rules less severe than this are not loaded (Falco's `priority`).
    public var minimumPriority: AlertPriority = .debug
    /// Sources whose events are processed; nil means every source.
    public var enabledSources: Set<String>?
    /// `-T`: rules carrying one of these tags are disabled.
    public var disabledTags: Set<String> = []
    /// `-t`: when set, only rules carrying one of these tags are enabled.
    public var enabledTags: Set<String>?
    /// `-D`: rules whose name contains one of these substrings are disabled.
    public var disabledRuleSubstrings: [String] = []
    public var hostname: String
    public var format = AlertFormatOptions()
    /// When true, each alert's `id` is `StableID` over time, rule, source and
    /// output (hashing the whole output per alert); by default it hashes the
    /// event time with the rule, which is as deterministic and much cheaper.
    public var stableAlertIDs = false

    public init(hostname: String = DetectionOptions.localHostname) {
        self.hostname = hostname
    }

    /// This machine's host name (Falco's `hostname` key).
    public static var localHostname: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether a compiled rule takes part under these options.
    func selects(_ rule: CompiledRule) -> Bool {
        let definition = rule.definition
        guard definition.enabled, definition.priority >= minimumPriority else { return false }
        if let enabledSources, !enabledSources.contains(rule.source) { return false }
        let tags = Set(definition.tags)
        if !tags.isDisjoint(with: disabledTags) { return false }
        if let enabledTags, tags.isDisjoint(with: enabledTags) { return false }
        return !disabledRuleSubstrings.contains { !$0.isEmpty && definition.name.contains($0) }
    }
}
