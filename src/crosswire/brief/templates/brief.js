function place(c){var p=c&&c.querySelector(".pop");if(!p)return;p.style.left="";p.style.right="";var r=p.getBoundingClientRect(),w=document.documentElement.clientWidth;if(getComputedStyle(p).position==="fixed")return;if(r.right>w-8){p.style.left=Math.min(0,w-8-r.right+(r.left-c.getBoundingClientRect().left))+"px"}r=p.getBoundingClientRect();if(r.left<8){p.style.left=(parseFloat(p.style.left||"0")+8-r.left)+"px"}}
function cite(e){return e.target.closest?e.target.closest(".cite"):null}
document.addEventListener("mouseover",function(e){var c=cite(e);if(c)place(c)});
document.addEventListener("focusin",function(e){var c=cite(e);if(c)place(c)});
document.addEventListener("click",function(e){var t=cite(e);document.querySelectorAll(".cite.open").forEach(function(c){if(c!==t)c.classList.remove("open")});if(t&&!e.target.closest(".pop")){t.classList.toggle("open");place(t)}});
document.addEventListener("keydown",function(e){if(e.key==="Escape"){document.querySelectorAll(".cite.open").forEach(function(c){c.classList.remove("open")});if(document.activeElement)document.activeElement.blur()}});
