/**
 * Node library of the Build vs Buy plugin: what other backend plugins import
 * to read decisions.
 *
 * @packageDocumentation
 */

export * from './BuildVsBuyDecisionsService';
