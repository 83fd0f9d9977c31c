import PalisadeCore

/// A compile-phase failure: Falco reports the first one and keeps no rules.
struct RulesCompileFailure: Error {
    var diagnostic: RulesDiagnostic
}

extension RulesLoader {
    /// Compiles everything loaded so far, as Falco's rule compiler does:
    /// lists, then macros (each sees only macros defined before it), then
    /// rules. The first failure is reported and no rules are returned.
    public mutating func compile() -> RuleSet {
        guard !hasErrors else { return RuleSet(rules: []) }
        var context = ExpansionContext(lists: compiledLists(), macros: [:])
        var compiled: [CompiledRule] = []
        do {
            try compileMacros(&context)
            for rule in rules.values where options.sources.contains(rule.source) {
                if let result = try compileRule(rule, context: &context) { compiled.append(result) }
            }
        } catch let failure as RulesCompileFailure {
            diagnostics.append(failure.diagnostic)
            warnUnused(context)
            return RuleSet(rules: [])
        } catch {
            return RuleSet(rules: [])
        }
        warnUnused(context)
        return RuleSet(rules: compiled)
    }

    /// Lists with items naming earlier-visible lists expanded in place.
    func compiledLists() -> [(name: String, items: [String])] {
        lists.values.map { list in
            (list.name, list.items.flatMap { item -> [String] in
                guard let ref = lists[item], ref.index < list.visibility else { return [item] }
                return ref.items
            })
        }
    }

    mutating func compileMacros(_ context: inout ExpansionContext) throws {
        var parsed: [String: FilterExpr] = [:]
        for macro in macros.values {
            parsed[macro.name] = try parseCondition(macro.condition, context: &context, location: macro.location,
                                                    item: RulesItemRef("macro", macro.name))
        }
        context.macros = parsed
        for macro in macros.values {
            guard let expr = parsed[macro.name] else { continue }
            let visible = Set(macros.values.filter { $0.index < macro.visibility }.map(\.name))
            do {
                _ = try context.expand(expr, visible: visible)
            } catch {
                throw RulesCompileFailure(diagnostic: RulesDiagnostic(.error, "LOAD_ERR_VALIDATE", error.message,
                                                                      at: macro.location, item: RulesItemRef("macro", macro.name)))
            }
        }
    }

    /// Substitutes lists in the text, then parses it.
    func parseCondition(_ text: String, context: inout ExpansionContext, location: SourceLocation,
                        item: RulesItemRef) throws -> FilterExpr {
        var condition = text
        for list in context.lists {
            if let substituted = ListSubstitution.substitute(list.name, items: list.items, in: condition) {
                condition = substituted
                context.usedLists.insert(list.name)
            }
        }
        do {
            return try FilterParser.parse(condition)
        } catch {
            throw RulesCompileFailure(diagnostic: RulesDiagnostic(.error, "LOAD_ERR_COMPILE_CONDITION", error.message,
                                                                  at: location, item: item))
        }
    }

    mutating func compileRule(_ rule: RuleDefinition, context: inout ExpansionContext) throws -> CompiledRule? {
        let subject = RulesItemRef("rule", rule.name)
        func failure(_ code: String, _ message: String) -> RulesCompileFailure {
            RulesCompileFailure(diagnostic: RulesDiagnostic(.error, code, message, at: rule.location, item: subject))
        }
        let text: String
        do { text = try ExceptionConditionBuilder.condition(for: rule) } catch { throw failure("LOAD_ERR_VALIDATE", error.message) }
        guard let output = try compileOutput(rule, subject: subject) else { return nil }
        let parsed = try parseCondition(text, context: &context, location: rule.location, item: subject)
        let expanded: FilterExpr
        do { expanded = try context.expand(parsed, visible: nil) } catch { throw failure("LOAD_ERR_VALIDATE", error.message) }
        warnAboutCondition(expanded, rule: rule, subject: subject)
        var compiler = FilterCompiler(registry: options.registry, source: rule.source)
        let filter: CompiledFilter
        do {
            filter = try compiler.compile(expanded)
        } catch {
            if rule.skipIfUnknownFilter, Self.isUnknownField(error.message) {
                warn("LOAD_UNKNOWN_FILTER", error.message, at: rule.location, item: subject)
                return nil
            }
            throw failure("LOAD_ERR_COMPILE_CONDITION", error.message)
        }
        for warning in compiler.warnings {
            warn("LOAD_COMPILE_CONDITION", warning, at: rule.location, item: subject)
        }
        let types = EventTypeSet.of(expanded)
        if rule.source == "syscall", rule.warnEventTypes, types.isUnrestricted {
            warn("LOAD_NO_EVTTYPE", "Rule matches too many evt.type values. This has a significant performance penalty.",
                 at: rule.location, item: subject)
        }
        return CompiledRule(definition: rule, condition: expanded, filter: filter, eventTypes: types, output: output)
    }

    /// Drops the deprecated `%container.info` and checks the output's fields;
    /// nil when the rule is skipped (`skip-if-unknown-filter`).
    mutating func compileOutput(_ rule: RuleDefinition, subject: RulesItemRef) throws -> String? {
        var output = rule.output
        if output.contains("%container.info") {
            warn("LOAD_DEPRECATED_ITEM", "%container.info is deprecated and no more useful, and will be dropped by Falco 1.0.0. The container plugin will automatically add required fields to the output message.",
                 at: rule.location, item: subject)
            output = output.replacingOccurrences(of: "%container.info", with: "")
        }
        do {
            try OutputFormat.validate(output, registry: options.registry, source: rule.source)
        } catch {
            if rule.skipIfUnknownFilter {
                warn("LOAD_UNKNOWN_FILTER", error.message, at: rule.location, item: subject)
                return nil
            }
            throw RulesCompileFailure(diagnostic: RulesDiagnostic(.error, "LOAD_ERR_COMPILE_OUTPUT", error.message,
                                                                  at: rule.location, item: subject))
        }
        if output.contains("evt.dir") {
            warn("LOAD_DEPRECATED_ITEM", "usage of deprecated field 'evt.dir' has been detected in the rule output",
                 at: rule.location, item: subject)
        }
        return output
    }

    mutating func warnAboutCondition(_ expr: FilterExpr, rule: RuleDefinition, subject: RulesItemRef) {
        if expr.references(field: "evt.dir") {
            warn("LOAD_DEPRECATED_ITEM", "usage of deprecated field 'evt.dir' has been detected in the rule condition",
                 at: rule.location, item: subject)
        }
        if expr.hasUnsafeNACheck {
            warn("LOAD_UNSAFE_NA_CHECK", "comparing a field value with <NA> is unsafe and can lead to unpredictable behavior of the rule condition. If you need to  check for the existence of a field, consider using the 'exists' operator instead.",
                 at: rule.location, item: subject)
        }
    }

    static func isUnknownField(_ message: String) -> Bool {
        message.contains("nonexistent field") || message.contains("invalid formatting token")
            || message.contains("unknown event type") || message.contains("unknown filter:")
    }

    mutating func warnUnused(_ context: ExpansionContext) {
        for macro in macros.values where !context.usedMacros.contains(macro.name) {
            warn("LOAD_UNUSED_MACRO", "Macro not referred to by any other rule/macro", at: macro.location, item: RulesItemRef("macro", macro.name))
        }
        for list in lists.values where !context.usedLists.contains(list.name) && !listUsedByList(list) {
            warn("LOAD_UNUSED_LIST", "List not referred to by any other rule/macro", at: list.location, item: RulesItemRef("list", list.name))
        }
    }

    func listUsedByList(_ list: ListDefinition) -> Bool {
        lists.values.contains { other in other.items.contains(list.name) && list.index < other.visibility }
    }
}

extension EventTypeSet {
    /// True when the set does not restrict event types (Falco's LOAD_NO_EVTTYPE).
    var isUnrestricted: Bool {
        switch self {
        case .all, .allExcept: return true
        case .only: return false
        }
    }
}

extension FilterExpr {
    /// Whether a check anywhere in the expression reads `field`.
    func references(field: String) -> Bool {
        switch self {
        case .and(let items), .or(let items): return items.contains { $0.references(field: field) }
        case .not(let inner): return inner.references(field: field)
        case .identifier: return false
        case .check(let check):
            if case .field(let name, _) = check.lhs { return name == field }
            return false
        }
    }

    /// `ka.*`/`jevt.*` compared for equality with `<NA>`.
    var hasUnsafeNACheck: Bool {
        switch self {
        case .and(let items), .or(let items): return items.contains { $0.hasUnsafeNACheck }
        case .not(let inner): return inner.hasUnsafeNACheck
        case .identifier: return false
        case .check(let check):
            guard case .field(let name, _) = check.lhs, name.hasPrefix("ka.") || name.hasPrefix("jevt."),
                  [.equal, .equalEqual, .notEqual, .in, .intersects, .pmatch].contains(check.op) else { return false }
            switch check.rhs {
            case .value(let literal)?: return literal.text == "<NA>"
            case .list(let items)?: return items.contains { $0.text == "<NA>" }
            default: return false
            }
        }
    }
}
