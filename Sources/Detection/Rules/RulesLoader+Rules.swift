import PalisadeCore

extension RulesLoader {
    static let ruleKeys: Set<String> = ["rule", "condition", "output", "desc", "priority", "source", "enabled", "tags",
                                        "exceptions", "warn_evttypes", "skip-if-unknown-filter", "capture",
                                        "capture_duration", "append", "override"]
    static let ruleAppendKeys: Set<String> = ["condition", "output", "desc", "tags", "exceptions"]
    static let ruleReplaceKeys: Set<String> = ["condition", "output", "desc", "priority", "tags", "exceptions", "enabled",
                                               "warn_evttypes", "skip-if-unknown-filter", "capture", "capture_duration"]
    static let enabledDeprecation = "The standalone 'enabled' key usage is deprecated. The correct approach requires also a 'replace' entry under the 'override' key (i.e. 'enabled: replace')."

    mutating func readRule(_ item: RulesItem) throws {
        let name = try requiredString(item, "rule", subject: RulesItemRef("rule", ""))
        let subject = RulesItemRef("rule", name)
        warnUnknownKeys(item, known: Self.ruleKeys, subject: subject)
        let append = try optionalBool(item, "append") ?? false
        if append { warn("LOAD_DEPRECATED_ITEM", Self.appendDeprecation, at: item.location, item: subject) }
        let override = try overrides(item, allowedAppend: Self.ruleAppendKeys, allowedReplace: Self.ruleReplaceKeys)
        if append, override != nil {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", Self.appendWithOverride, at: item.location, item: subject)
        }
        if let override {
            try overrideRule(item, name: name, override: override, subject: subject)
        } else if append {
            let keys = Self.ruleAppendKeys.filter { item.has($0) }
            try updateRule(item, name: name, append: keys, replace: [], subject: subject)
        } else if item.has("enabled"), item.keys.allSatisfy({ $0.key == "rule" || $0.key == "enabled" }) {
            warn("LOAD_DEPRECATED_ITEM", Self.enabledDeprecation, at: item.location, item: subject)
            guard var existing = rules[name] else {
                throw RulesLoadError("LOAD_ERR_VALIDATE", "Rule has 'enabled' key but no rule by that name already exists",
                                     at: item.location, item: subject)
            }
            existing.enabled = try optionalBool(item, "enabled") ?? existing.enabled
            rules[name] = existing
        } else {
            try defineRule(item, name: name, subject: subject)
        }
    }

    mutating func defineRule(_ item: RulesItem, name: String, subject: RulesItemRef) throws {
        let condition = try requiredString(item, "condition", subject: subject)
        let output = try requiredString(item, "output", subject: subject)
        let description = try requiredString(item, "desc", subject: subject)
        let priority = try parsePriority(item, subject: subject)
        var source = item.value("source").flatMap(RulesNode.string) ?? "syscall"
        if source.isEmpty { source = "syscall" }
        if let previous = rules[name], previous.source != source {
            throw RulesLoadError("LOAD_ERR_VALIDATE", "Rule has been re-defined with a different source", at: item.location, item: subject)
        }
        let known = options.sources.contains(source)
        if !known {
            warn("LOAD_UNKNOWN_SOURCE", "Unknown source \(source), skipping", at: item.location, item: subject)
        }
        var exceptions = try self.exceptions(item, requireFields: true, subject: subject)
        for index in exceptions.indices {
            try validate(&exceptions[index], source: known ? source : nil)
        }
        rules[name] = RuleDefinition(
            name: name, condition: condition, output: output, description: description, priority: priority,
            source: source, enabled: try optionalBool(item, "enabled") ?? true, tags: try tags(item),
            exceptions: exceptions,
            warnEventTypes: try optionalBool(item, "warn_evttypes") ?? true,
            skipIfUnknownFilter: try optionalBool(item, "skip-if-unknown-filter") ?? false,
            capture: try optionalBool(item, "capture") ?? false,
            captureDuration: try captureDuration(item), location: item.location)
    }

    mutating func overrideRule(_ item: RulesItem, name: String, override: [String: String], subject: RulesItemRef) throws {
        for entry in item.keys where entry.key != "rule" && entry.key != "override" && override[entry.key] == nil {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE",
                                 "Unexpected key '\(entry.key)': an 'override' entry for it is required",
                                 at: item.location(of: entry.key), item: subject)
        }
        let append = Set(override.filter { $0.value == "append" }.keys)
        let replace = Set(override.filter { $0.value == "replace" }.keys)
        if !append.isEmpty { try updateRule(item, name: name, append: append, replace: [], subject: subject) }
        if !replace.isEmpty { try updateRule(item, name: name, append: [], replace: replace, subject: subject) }
    }

    /// Falco's collector `append` and `selective_replace` for the given keys.
    mutating func updateRule(_ item: RulesItem, name: String, append: Set<String>, replace: Set<String>,
                             subject: RulesItemRef) throws {
        guard var rule = rules[name] else {
            let message = replace.isEmpty
                ? "Rule uses 'append' or 'override.<key>: append' but no rule by that name already exists"
                : "An 'override.<key>: replace' to a rule was requested but no rule by that name already exists"
            throw RulesLoadError("LOAD_ERR_VALIDATE", message, at: item.location, item: subject)
        }
        guard !append.isEmpty || !replace.isEmpty else {
            throw RulesLoadError("LOAD_ERR_VALIDATE", "Appended rule must have exceptions or condition property",
                                 at: item.location, item: subject)
        }
        let source = options.sources.contains(rule.source) ? rule.source : nil
        for key in append.sorted() {
            try appendKey(key, item, to: &rule, source: source, subject: subject)
        }
        for key in replace.sorted() {
            try replaceKey(key, item, to: &rule, source: source, subject: subject)
        }
        rules[name] = rule
    }

    mutating func appendKey(_ key: String, _ item: RulesItem, to rule: inout RuleDefinition, source: String?,
                            subject: RulesItemRef) throws {
        func text() throws -> String { try requiredString(item, key, subject: subject) }
        switch key {
        case "condition": rule.condition += " " + (try text())
        case "output": rule.output += " " + (try text())
        case "desc": rule.description += " " + (try text())
        case "tags": rule.tags += try tags(item).filter { !rule.tags.contains($0) }
        case "exceptions": rule.exceptions = try appendExceptions(rule.exceptions, item, source: source, subject: subject)
        default: break
        }
    }

    mutating func replaceKey(_ key: String, _ item: RulesItem, to rule: inout RuleDefinition, source: String?,
                             subject: RulesItemRef) throws {
        switch key {
        case "condition": rule.condition = try requiredString(item, key, subject: subject)
        case "output": rule.output = try requiredString(item, key, subject: subject)
        case "desc": rule.description = try requiredString(item, key, subject: subject)
        case "tags": rule.tags = try tags(item)
        case "exceptions":
            var exceptions = try self.exceptions(item, requireFields: true, subject: subject)
            for index in exceptions.indices { try validate(&exceptions[index], source: source) }
            rule.exceptions = exceptions
        case "priority": rule.priority = try parsePriority(item, subject: subject)
        case "enabled": rule.enabled = try optionalBool(item, key) ?? rule.enabled
        case "warn_evttypes": rule.warnEventTypes = try optionalBool(item, key) ?? rule.warnEventTypes
        case "skip-if-unknown-filter": rule.skipIfUnknownFilter = try optionalBool(item, key) ?? rule.skipIfUnknownFilter
        case "capture": rule.capture = try optionalBool(item, key) ?? rule.capture
        case "capture_duration": rule.captureDuration = try captureDuration(item)
        default: break
        }
    }

    func parsePriority(_ item: RulesItem, subject: RulesItemRef) throws -> AlertPriority {
        let text = try requiredString(item, "priority", subject: subject)
        let names: [String: AlertPriority] = [
            "emergency": .emergency, "alert": .alert, "critical": .critical, "error": .error, "warning": .warning,
            "notice": .notice, "informational": .informational, "info": .informational, "debug": .debug,
        ]
        guard let priority = names[text.lowercased()] else {
            throw RulesLoadError("LOAD_ERR_VALIDATE", "Invalid priority", at: item.location(of: "priority"), item: subject)
        }
        return priority
    }

    func tags(_ item: RulesItem) throws -> [String] {
        guard let node = item.value("tags") else { return [] }
        if RulesNode.isNull(node) { return [] }
        guard let tags = RulesNode.strings(node) else {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Value of tags must be a sequence of strings", at: item.location(of: "tags"))
        }
        return tags
    }

    func captureDuration(_ item: RulesItem) throws -> UInt64 {
        guard let node = item.value("capture_duration") else { return 0 }
        guard let text = RulesNode.string(node), let value = UInt64(text) else {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Value of capture_duration must be an unsigned integer",
                                 at: item.location(of: "capture_duration"))
        }
        return value
    }
}
