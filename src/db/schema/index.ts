export * from './applications.ts';
export * from './casework.ts';
export * from './catalogue.ts';
export * from './content.ts';
export * from './identity.ts';
export * from './platform.ts';
export * from './programmes.ts';
export * from './reference.ts';
