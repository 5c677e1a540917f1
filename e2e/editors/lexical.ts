import { lexicalPage } from './lexical-page';

lexicalPage('rich');
