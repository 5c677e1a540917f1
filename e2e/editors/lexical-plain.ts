import { lexicalPage } from './lexical-page';

lexicalPage('plain');
