import PalisadeCore

extension RulesLoader {
    static let namePattern = "^[a-zA-Z_][a-zA-Z0-9_]*$"

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    mutating func readList(_ item: RulesItem) throws {
        let name = try requiredString(item, "list", subject: RulesItemRef("list", ""))
        let subject = RulesItemRef("list", name)
        warnUnknownKeys(item, known: ["list", "items", "append", "override"], subject: subject)
        if !Self.isValidName(name) {
            warn("LOAD_INVALID_LIST_NAME", "List has an invalid name. List names should match a regular expression: \(Self.namePattern)",
                 at: item.location, item: subject)
        }
        guard let itemsNode = item.value("items") else {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Item has no mapping for key 'items'", at: item.location, item: subject)
        }
        guard let items = RulesNode.isNull(itemsNode) ? [] : RulesNode.strings(itemsNode) else {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Value of items must be a sequence of strings", at: item.location(of: "items"), item: subject)
        }
        let append = try optionalBool(item, "append") ?? false
        let override = try overrides(item, allowedAppend: ["items"], allowedReplace: ["items"])
        if append { warn("LOAD_DEPRECATED_ITEM", Self.appendDeprecation, at: item.location, item: subject) }
        if append, override != nil {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", Self.appendWithOverride, at: item.location, item: subject)
        }
        if append || override?["items"] == "append" {
            guard var existing = lists[name] else {
                throw RulesLoadError("LOAD_ERR_VALIDATE",
                                     "List uses 'append' or 'override.items: append' but no list by that name already exists",
                                     at: item.location, item: subject)
            }
            existing.items += items
            existing.visibility = counter
            lists[name] = existing
        } else {
            var list = ListDefinition(name: name, items: items, location: item.location)
            list.index = lists[name]?.index ?? counter
            list.visibility = counter
            lists[name] = list
        }
        counter += 1
    }

    mutating func readMacro(_ item: RulesItem) throws {
        let name = try requiredString(item, "macro", subject: RulesItemRef("macro", ""))
        let subject = RulesItemRef("macro", name)
        warnUnknownKeys(item, known: ["macro", "condition", "append", "override", "source"], subject: subject)
        if !Self.isValidName(name) {
            warn("LOAD_INVALID_MACRO_NAME", "Macro has an invalid name. Macro names should match a regular expression: \(Self.namePattern)",
                 at: item.location, item: subject)
        }
        let condition = try requiredString(item, "condition", subject: subject)
        let append = try optionalBool(item, "append") ?? false
        let override = try overrides(item, allowedAppend: ["condition"], allowedReplace: ["condition"])
        if append { warn("LOAD_DEPRECATED_ITEM", Self.appendDeprecation, at: item.location, item: subject) }
        if append, override != nil {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", Self.appendWithOverride, at: item.location, item: subject)
        }
        if append || override?["condition"] == "append" {
            guard var existing = macros[name] else {
                throw RulesLoadError("LOAD_ERR_VALIDATE",
                                     "Macro uses 'append' or 'override.condition: append' but no macro by that name already exists",
                                     at: item.location, item: subject)
            }
            existing.condition += " " + condition
            existing.visibility = counter
            macros[name] = existing
        } else {
            var macro = MacroDefinition(name: name, condition: condition, location: item.location)
            macro.index = macros[name]?.index ?? counter
            macro.visibility = counter
            macros[name] = macro
        }
        counter += 1
    }
}
