// The map page loads like the list: the same skeleton while its data arrives.
export { default } from "../loading";
