/*
 * The form layer every public and admin form goes through: reading a posted
 * body (bounded), reading its fields with a zod schema, translated fields
 * (`title.en`, `title.ne`…), and answering a refused command with the form
 * again (its issues and what was typed).
 */
export { readBoundedForm, readSmallForm, type BoundedForm } from './form-body';
export { formField, formSchema, localizedFields, localizedOf, localizedValues, type FormShape, type LocalizedNames } from './form-fields';
export { failWith, refusedIssues, type Issues, type RefusalOptions } from './action-result';
