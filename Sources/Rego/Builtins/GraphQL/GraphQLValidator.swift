/// gqlparser's `validator.Validate` with its default rules, in their registration order.
enum GraphQLValidator {
    typealias Report = (String, GraphQLPosition?) -> Void

    static func validate(_ schema: GraphQLSchema, _ document: GraphQLQueryDocument) -> [GraphQLError] {
        var errors: [GraphQLError] = []
        let events = GraphQLValidationEvents()
        let report: Report = { message, position in errors.append(GraphQLError(message, at: position)) }
        for rule in rules { rule(events, report) }
        let walker = GraphQLWalker(schema: schema, document: document, events: events)
        walker.walk()
        if walker.exceededLimits {
            errors.insert(GraphQLError("Query is too deeply nested or too large to validate.", at: nil), at: 0)
        }
        return errors
    }

    static var rules: [(GraphQLValidationEvents, @escaping Report) -> Void] { [
        fieldsOnCorrectType, fragmentsOnCompositeTypes, knownArgumentNames, knownDirectives,
        knownFragmentNames, knownRootType, knownTypeNames, loneAnonymousOperation, noFragmentCycles,
        noUndefinedVariables, noUnusedFragments, noUnusedVariables, overlappingFieldsCanBeMerged,
        possibleFragmentSpreads, providedRequiredArguments, scalarLeafs, singleFieldSubscriptions,
        uniqueArgumentNames, uniqueDirectivesPerLocation, uniqueFragmentNames, uniqueInputFieldNames,
        uniqueOperationNames, uniqueVariableNames, valuesOfCorrectType, variablesAreInputTypes,
        variablesInAllowedPosition,
    ] }
}
