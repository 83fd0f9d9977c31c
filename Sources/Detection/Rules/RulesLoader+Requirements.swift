import PalisadeCore
import Yams

extension RulesLoader {
    mutating func readEngineVersion(_ item: RulesItem) throws {
        let location = item.location(of: "required_engine_version")
        let subject = RulesItemRef("required_engine_version", "")
        guard let node = item.value("required_engine_version"), let text = RulesNode.string(node) else {
            throw RulesLoadError("LOAD_ERR_VALIDATE", "Value of required_engine_version must be a number or version string", at: location, item: subject)
        }
        guard let version = EngineVersion(parsing: text) else {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE",
                                 "Unable to parse engine version '\(text)' as a semver string. Expected \"x.y.z\" semver format.", at: location, item: subject)
        }
        guard version <= options.engineVersion else {
            throw RulesLoadError("LOAD_ERR_VALIDATE",
                                 "Rules require engine version \(version), but engine version is \(options.engineVersion)", at: location, item: subject)
        }
    }

    mutating func readPluginVersions(_ item: RulesItem) throws {
        let location = item.location(of: "required_plugin_versions")
        let subject = RulesItemRef("required_plugin_versions", "")
        guard let node = item.value("required_plugin_versions"), let entries = RulesNode.sequence(node) else {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Value of required_plugin_versions must be a sequence", at: location, item: subject)
        }
        for entry in entries {
            let entryLocation = RulesNode.location(entry, file: item.file)
            let requirement = try pluginRequirement(entry, file: item.file, allowAlternatives: true)
            var names: Set<String> = []
            for candidate in [requirement] + requirement.alternatives {
                let ref = RulesItemRef("required_plugin_versions", candidate.name)
                guard EngineVersion(parsing: candidate.version) != nil, !candidate.version.contains(where: \.isWhitespace),
                      Int(candidate.version) == nil else {
                    throw RulesLoadError("LOAD_ERR_VALIDATE", "Invalid required version '\(candidate.version)' for plugin '\(candidate.name)'",
                                         at: entryLocation, item: ref)
                }
                guard names.insert(candidate.name).inserted else {
                    throw RulesLoadError("LOAD_ERR_VALIDATE", "Defined multiple alternative version requirements for plugin '\(candidate.name)'",
                                         at: entryLocation, item: ref)
                }
            }
            requirements.append((requirement, entryLocation))
        }
    }

    func pluginRequirement(_ node: Node, file: String, allowAlternatives: Bool) throws -> PluginRequirement {
        let location = RulesNode.location(node, file: file)
        guard let keys = RulesNode.mapping(node) else {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Unexpected element type. Each element should be a yaml associative array.", at: location)
        }
        let item = RulesItem(node: node, keys: keys, location: location, file: file)
        let subject = RulesItemRef("required_plugin_versions", "")
        let name = try requiredString(item, "name", subject: subject)
        let version = try requiredString(item, "version", subject: subject)
        var alternatives: [PluginRequirement] = []
        if allowAlternatives, let list = item.value("alternatives") {
            for alternative in RulesNode.sequence(list) ?? [] {
                alternatives.append(try pluginRequirement(alternative, file: file, allowAlternatives: false))
            }
        }
        return PluginRequirement(name: name, version: version, alternatives: alternatives)
    }

    /// Requirements that `options.plugins` does not meet: neither the plugin
    /// nor an alternative is available at a version at least as new. Falco
    /// checks these when it starts, after loading the rules.
    public func unmetPluginRequirements() -> [RulesDiagnostic] {
        requirements.compactMap { requirement, location in
            for candidate in [requirement] + requirement.alternatives {
                if let available = options.plugins[candidate.name].flatMap(EngineVersion.init(parsing:)),
                   let wanted = EngineVersion(parsing: candidate.version), available >= wanted {
                    return nil
                }
            }
            return RulesDiagnostic(.error, "LOAD_ERR_VALIDATE",
                                   "Plugin '\(requirement.name)' version '\(requirement.version)' is required by the rules but is not loaded or has an incompatible version",
                                   at: location, item: RulesItemRef("required_plugin_versions", requirement.name))
        }
    }

    /// A required scalar key; Falco's "Item has no mapping for key" otherwise.
    func requiredString(_ item: RulesItem, _ key: String, subject: RulesItemRef? = nil) throws -> String {
        guard let node = item.value(key) else {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Item has no mapping for key '\(key)'", at: item.location, item: subject)
        }
        if RulesNode.isNull(node) || RulesNode.string(node) == "" {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Mapping for key '\(key)' is empty", at: item.location(of: key), item: subject)
        }
        guard let text = RulesNode.string(node) else {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Value of \(key) must be a string", at: item.location(of: key), item: subject)
        }
        return text
    }

    func optionalBool(_ item: RulesItem, _ key: String) throws -> Bool? {
        guard let node = item.value(key) else { return nil }
        guard let value = RulesNode.bool(node) else {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Value of \(key) must be a boolean", at: item.location(of: key))
        }
        return value
    }

    /// Warns about keys outside `known` (LOAD_UNKNOWN_KEY).
    mutating func warnUnknownKeys(_ item: RulesItem, known: Set<String>, subject: RulesItemRef) {
        for entry in item.keys where !known.contains(entry.key) {
            warn("LOAD_UNKNOWN_KEY", "Unknown key '\(entry.key)'. The key will be ignored.",
                 at: item.location(of: entry.key), item: subject)
        }
    }

    /// `override: {key: append|replace}` as a dictionary.
    func overrides(_ item: RulesItem, allowedAppend: Set<String>, allowedReplace: Set<String>) throws -> [String: String]? {
        guard let node = item.value("override") else { return nil }
        guard let entries = RulesNode.mapping(node) else {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Value of override must be a map", at: item.location(of: "override"))
        }
        var result: [String: String] = [:]
        for (key, value) in entries {
            let mode = RulesNode.string(value) ?? ""
            guard mode == "append" || mode == "replace" else {
                throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Invalid override type for key '\(key)': must be 'append' or 'replace'",
                                     at: RulesNode.location(value, file: item.file))
            }
            if mode == "append", !allowedAppend.contains(key) {
                throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Key '\(key)' cannot be appended to", at: RulesNode.location(value, file: item.file))
            }
            if mode == "replace", !allowedReplace.contains(key) {
                throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Key '\(key)' cannot be replaced", at: RulesNode.location(value, file: item.file))
            }
            guard item.has(key) else {
                throw RulesLoadError("LOAD_ERR_YAML_VALIDATE",
                                     "An \(mode) override for '\(key)' was specified but '\(key)' is not defined",
                                     at: item.location(of: "override"))
            }
            result[key] = mode
        }
        return result
    }

    static let appendDeprecation = "'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') under 'override' instead."
    static let appendWithOverride = "Keys 'override' and 'append: true' cannot be used together. Add an 'append' entry (e.g. 'condition: append') under 'override' instead."
}
